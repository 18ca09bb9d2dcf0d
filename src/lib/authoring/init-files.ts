/**
 * The two files `npm run init` writes for a unit: `site.config.yaml`, from one commented template
 * in the shape of the shipped one (each setting explained in Chinese, the optional ones offered
 * as comments), and the site's own unit, written as `npm run new` writes an entry. Pure: answers
 * in, file text out.
 */
import { Scalar, stringify } from 'yaml';
import { newEntryId } from './entry-id';
import { placeholder } from './placeholder';
import { entry } from './templates';
import { ENTRY_YAML_OPTIONS, quotedForBuild } from './yaml-values';
import { configData, CONTACT_KEYS, FILING_KEYS, PLACEHOLDER_URL, unitData, type InitAnswers } from './init-answers';

/** Answers with every required one given (what `readAnswer` has made of them). */
export type CompleteAnswers = InitAnswers & Required<Pick<InitAnswers, 'name' | 'kind' | 'title' | 'themeColor' | 'url' | 'base'>>;

/** One value as YAML writes it on its line: plain where the build reads it back as written. */
function scalar(value: unknown): string {
  return stringify(quotedForBuild(value), ENTRY_YAML_OPTIONS).trimEnd();
}

/**
 * Filing numbers and colours always in double quotes: an all-digit 网站标识码 would be read as a
 * number, and a colour's # as the start of a comment.
 */
function quoted(value: string): string {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return stringify(node, ENTRY_YAML_OPTIONS).trimEnd();
}

/** What a commented line shows when an answer is not known: the form it is written in. */
const EXAMPLES: Record<(typeof FILING_KEYS)[number] | (typeof CONTACT_KEYS)[number], string> = {
  icp: quoted('苏ICP备xxxxxxxx号'),
  psb: quoted('苏公网安备 xxxxxxxxxxxxxx号'),
  siteCode: quoted('xxxxxxxxxx'),
  // Uncommented as they are, these are refused by the check as not filled in, never published.
  phone: quoted(placeholder('本单位对外公布的电话')),
  address: placeholder('本单位的办公地址'),
  email: placeholder('本单位对外公布的邮箱'),
};

/** Numbers the YAML would otherwise read as numbers (an all-digit 网站标识码 or phone), always in double quotes. */
const QUOTED: ReadonlySet<string> = new Set([...FILING_KEYS, 'phone']);

/**
 * A group of optional settings (`filing`, `contact`): the ones given, the others as comments to
 * fill in later; with none given, the group is written empty (`filing: {}`) and says how to fill it.
 */
function groupLines(group: string, keys: readonly (keyof typeof EXAMPLES)[], answers: InitAnswers, about: string): string[] {
  const given = keys.filter((key) => answers[key] !== undefined);
  const lines = keys.map((key) => (answers[key] === undefined ? `  # ${key}: ${EXAMPLES[key]}` : `  ${key}: ${QUOTED.has(key) ? quoted(answers[key]!) : scalar(answers[key])}`));
  if (given.length === 0) {
    return [`# ${about}`, `# 要填写时，把 ${group}: {} 改为 ${group}:，再删去下面相应一行的“# ”（行首的两个空格要保留）。`, `${group}: {}`, ...lines];
  }
  return [`# ${about}`, `${group}:`, ...lines];
}

/** The text of `site.config.yaml` for the answers. `today` (YYYY-MM-DD) is noted in its first line. */
export function siteConfigText(answers: CompleteAnswers, today: string): string {
  const data = configData(answers);
  const urlNote = answers.url === PLACEHOLDER_URL ? '网站正式地址：现在是占位地址，发布前请改为实际域名' : '网站正式地址';
  return `# 网站配置：由 npm run init 于 ${today} 生成。字段说明见 docs/authoring-guide.md 第 12 节。
# 改动后运行 npm run check 检查；换成另一个单位时，重新运行 npm run init。

# 网站标题（浏览器标签页和页眉）
title: ${scalar(data.title)}

# 单位名称：不填时使用本站单位（units 文件夹中不填 parent 的单位）的 name
# unitName: ${scalar(answers.name)}

# 一句话简介（搜索引擎和分享时显示）
description: ${scalar(data.description)}

# ${urlNote}
url: ${scalar(data.url)}

# 子路径：网站不在域名根目录时填写，如 /rongyu/
base: ${scalar(data.base)}

# 主题色（#加 6 位十六进制，要加引号）
themeColor: ${quoted(answers.themeColor)}

# 主办单位：页脚显示“主办单位：…”，政府网站应当填写${answers.organizer === undefined ? '。要填写时删去下一行的“# ”，改为主办单位全称' : ''}
${answers.organizer === undefined ? `# organizer: ${scalar(answers.name)}` : `organizer: ${scalar(answers.organizer)}`}

${groupLines('contact', CONTACT_KEYS, answers, '联系方式：页脚显示本单位对外公布的电话、地址、邮箱（不要填个人手机和个人邮箱），电话写在英文双引号中；没有的不填。').join('\n')}

${groupLines('filing', FILING_KEYS, answers, '页脚备案信息：本单位网站的实际备案号，号码写在英文双引号中；没有的不填。').join('\n')}

# 积分（月晒·季评·年考）：默认类别为固定党日学习、志愿服务、业务工作，只在内部版本显示。
# 见 docs/authoring-guide.md 第 17 节。
# points:
#   categories: [固定党日学习, 志愿服务, 业务工作]
#   publish: false      # false 只在内部版本显示；full 公开全名；masked 公开但姓名打码

# 学习轮值：npm run new -- activity --rotate 据此推算下一次学习（各站轮流举办，轮值主持）。
# studyRotation:
#   weekday: 1          # 每周一集中学习
#   stations: [单位 id, …]
#   hosts: [人物 id, …]
`;
}

/**
 * Fields the site's own unit is not offered: a `parent` would make it some other unit's
 * station, and a draft, embargoed or internal site unit would leave the public site without one.
 */
const NOT_FOR_THE_SITE_UNIT: ReadonlySet<string> = new Set(['parent', 'draft', 'publishDate', 'visibility']);

/** The text of the site's own unit: its answers, the optional fields offered as comments, an empty body. */
export function rootUnitText(answers: CompleteAnswers): string {
  return entry('units', unitData(answers), '', NOT_FOR_THE_SITE_UNIT);
}

/** The unit's id, as `npm run new` makes it (东湖派出所 → pinyin), not one of `taken`. */
export function rootUnitId(answers: CompleteAnswers, taken: ReadonlySet<string> = new Set()): string {
  return newEntryId('units', unitData(answers), taken);
}
