/**
 * Chinese labels for the enum values of the content model. The keys are the values authors write
 * in frontmatter; the labels are what readers see. Schemas take their enum lists from here so a
 * value and its label can never drift apart.
 */

export const UNIT_KINDS = {
  brigade: '大队',
  squad: '中队',
  station: '警务站',
  'party-branch': '党组织',
  other: '其他',
} as const;

export const OFFICER_ROLES = {
  police: '民警',
  auxiliary: '辅警',
  other: '队员',
} as const;

export const HONOR_SCOPES = {
  individual: '个人',
  collective: '集体',
} as const;

export const HONOR_LEVELS = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
  bureau: '局级',
  other: '其他',
} as const;

export const LETTER_KINDS = {
  letter: '感谢信',
  banner: '锦旗',
  call: '电话致谢',
  message: '网上留言',
  other: '其他',
} as const;

export const ACTIVITY_KINDS = {
  study: '学习',
  'party-day': '主题党日',
  security: '安保任务',
  volunteer: '志愿服务',
  competition: '竞赛',
  other: '其他',
} as const;

export const VISIBILITIES = {
  public: '公开',
  internal: '内部',
} as const;

export const APPROXIMATIONS = {
  over: '余',
  about: '约',
} as const;

/** The enum values of a label table, as the tuple `z.enum` wants. */
export function enumValues<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

/** `police（民警）、auxiliary（辅警）`: the allowed values with their meaning, for error hints. */
export function describeChoices(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([value, label]) => (value === label ? value : `${value}（${label}）`))
    .join('、');
}
