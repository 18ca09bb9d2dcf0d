/**
 * Redaction of a letter from the public: what a clerk would do by hand before publishing it.
 * A mobile becomes 139****2345, a landline 0571-****1234, a house number 东湖路**号, the writer's
 * full name 陈女士. `npm run check -- --redact <file>` shows the proposals and writes them after
 * confirmation; the check's warnings point there.
 */
import { chineseDigits, findPii, findPiiHints, piiKey, type PiiHintKind, type PiiKind } from './pii';
import { normalizeText } from './normalize-text';

export interface Redaction {
  /** Offset in the text. */
  index: number;
  /** The text replaced, as written. */
  original: string;
  replacement: string;
  kind: PiiKind | PiiHintKind | 'full-name';
}

/** The 150 commonest single-character surnames, and the compound ones still in use. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封',
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '夏侯', '令狐', '端木', '西门', '南宫', '独孤', '宇文'];
/** How a letter introduces its writer before the name: 市民陈小红. */
const ROLE = /^(市民|群众|居民|村民|患者家属|患者|家属|游客|网友|司机|车主|老人|学生家长|家长|外卖小哥|快递员)?/u;
/** What shows a name is already redacted or is no name at all. */
const NOT_A_NAME = /(女士|先生|同志|师傅|大爷|大妈|阿姨|老人|某|一家|夫妇|全家|家属|小朋友|同学|老师|警官|民警|辅警|等|们)$/u;

/**
 * The writer's full name in a letter's `from`, or null: 陈小红 or 市民欧阳晓明, but not 市民李女士,
 * 群众（原文未载明姓名）, 东湖社区 or 一位老人.
 */
export function fullNameIn(from: string): { role: string; surname: string; name: string } | null {
  const text = normalizeText(from).text.replace(/\s/g, '');
  const role = ROLE.exec(text)![0];
  const name = text.slice(role.length);
  if (!/^\p{Script=Han}{2,4}$/u.test(name) || NOT_A_NAME.test(name)) return null;
  const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? (SURNAMES.has(name[0]!) && name.length <= 3 ? name[0]! : null);
  return surname ? { role, surname, name } : null;
}

/** 女士 or 先生 when the letter says so (她, 母亲, 阿姨 …), else 某: the clerk confirms either way. */
function honorific(letter: string): string {
  const female = (letter.match(/女士|她|妈妈|母亲|奶奶|外婆|阿姨|大妈/gu) ?? []).length;
  const male = (letter.match(/先生|他(?!们)|爸爸|父亲|爷爷|外公|叔叔|大爷/gu) ?? []).length;
  return female > male ? '女士' : male > female ? '先生' : '某';
}

/** The masked form of a finding. */
export function maskedAs(kind: Redaction['kind'], value: string): string {
  const plain = normalizeText(value).text;
  switch (kind) {
    case 'mobile':
    case 'mobile-chinese': {
      const digits = kind === 'mobile' ? piiKey(plain) : chineseDigits(plain);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    }
    case 'landline': {
      const digits = plain.replace(/\D/g, '').replace(/^(0086|86)/, '');
      const area = /^0(?:[12]\d|[3-9]\d{2})/.exec(digits)?.[0];
      return area ? `${area}-****${digits.slice(-4)}` : `****${digits.slice(-4)}`;
    }
    case 'id-card': {
      const id = plain.replace(/[^\dXx]/g, '').toUpperCase();
      return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
    }
    case 'bank-card':
      return `****${plain.replace(/\D/g, '').slice(-4)}`;
    case 'email': {
      const [name = '', domain = ''] = plain.split('@');
      return `${name.slice(0, 1)}***@${domain}`;
    }
    case 'address':
      return plain.replace(/\d+(?:-\d+)?/g, '**');
    default:
      return value;
  }
}

/**
 * What to mask in a letter file (frontmatter and body alike, as written): every personal number,
 * e-mail, landline and house number, and the writer's full name wherever it stands. Children are
 * flagged by the check but not masked automatically: what identifies them (a school, an age)
 * needs a person's judgement.
 */
export function proposeRedactions(text: string, { allow = [], from }: { allow?: readonly string[]; from?: string | undefined } = {}): Redaction[] {
  const normalized = normalizeText(text);
  const found: Redaction[] = [];
  for (const match of findPii(text, allow, normalized)) found.push({ ...match, original: match.value, replacement: maskedAs(match.kind, match.value) });
  for (const match of findPiiHints(text, allow, { letter: true }, normalized)) {
    if (match.kind !== 'minor') found.push({ ...match, original: match.value, replacement: maskedAs(match.kind, match.value) });
  }
  const writer = from === undefined ? null : fullNameIn(from);
  if (writer) {
    const replacement = `${writer.surname}${honorific(text)}`;
    for (let at = text.indexOf(writer.name); at !== -1; at = text.indexOf(writer.name, at + writer.name.length)) {
      found.push({ index: at, original: writer.name, replacement, kind: 'full-name' });
    }
  }
  // One redaction per stretch of text, the first found (personal data before hints).
  const kept: Redaction[] = [];
  for (const r of found) {
    if (!kept.some((k) => r.index < k.index + k.original.length && r.index + r.original.length > k.index)) kept.push(r);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** The text with the redactions applied. */
export function applyRedactions(text: string, redactions: readonly Redaction[]): string {
  let result = '';
  let last = 0;
  for (const r of [...redactions].sort((a, b) => a.index - b.index)) {
    if (r.index < last) continue;
    result += text.slice(last, r.index) + r.replacement;
    last = r.index + r.original.length;
  }
  return result + text.slice(last);
}
