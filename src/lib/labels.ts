/**
 * Chinese labels for the enum values of the content model. The keys are the values authors write
 * in frontmatter; the labels are what readers see. Schemas take their enum lists from here so a
 * value and its label can never drift apart.
 */

/**
 * Kinds of unit, for the police (支队 → 大队 → 中队, 派出所 → 警务室), fire and rescue (消防救援站),
 * a hospital (科室 → 病区) and the Party organisation beside them. Ids are never renamed: content
 * written with the first five keeps working. A unit whose own word is not here picks the nearest
 * kind (or `other`) and writes that word in `kindLabel`, which is shown instead.
 */
export const UNIT_KINDS = {
  detachment: '支队',
  brigade: '大队',
  squad: '中队',
  'police-station': '派出所',
  station: '警务站',
  'police-office': '警务室',
  'fire-station': '消防救援站',
  department: '科室',
  ward: '病区',
  'party-branch': '党组织',
  other: '其他',
} as const;

/** What a reader sees as a unit's kind: its own word (`kindLabel`) when it has one, else the kind's label. */
export function unitKindLabel(unit: { kind: keyof typeof UNIT_KINDS; kindLabel?: string | undefined }): string {
  return unit.kindLabel ?? UNIT_KINDS[unit.kind];
}

/** The part of a portrait kept when a frame crops it (src/lib/photo-focus.ts). */
export const PHOTO_FOCUS = {
  top: '上部（脸在照片上方）',
  center: '中间',
  bottom: '下部',
  left: '左侧',
  right: '右侧',
  'top-left': '左上',
  'top-right': '右上',
  'bottom-left': '左下',
  'bottom-right': '右下',
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
