/**
 * New entry ids from Chinese names: 王祥 → wang-xiang, 刁爱清 → diao-aiqing (the way Chinese names
 * are written in pinyin: surname, then the given name in one word), 个人三等功 → ge-ren-san-deng-gong.
 * Surnames read as surnames (单 shan, 曾 zeng, 仇 qiu); an id that is taken gets -2, -3 …,
 * so an existing entry is never overwritten.
 */
import { pinyin } from 'pinyin-pro';
import { ENTRY_ID_PATTERN } from '../entry-id';
import { toPinyinSlug } from '../slug';

/** Two-character surnames, which the given name follows. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 夏侯 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 端木 独孤 南宫 西门 万俟 闻人 申屠 澹台 呼延 百里 东郭 太史 钟离 轩辕 公羊 赫连'.split(' '),
);

/** Ids longer than this many words are cut: an address should stay typeable. */
const MAX_WORDS = 8;

const syllables = (text: string, surname: boolean) =>
  pinyin(text, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' as const } : {}) }).map((s) =>
    s.toLowerCase().replace(/[^a-z0-9]/g, ''),
  );

/**
 * The id of a person: `<surname>-<given name>` in pinyin. Falls back to a plain slug for names
 * that are not Chinese (or not only Chinese).
 */
export function personId(name: string): string {
  const clean = name.replace(/\s+/g, '');
  if (!/^[\p{Script=Han}]{2,6}$/u.test(clean)) return toPinyinSlug(name);
  const surnameLength = COMPOUND_SURNAMES.has(clean.slice(0, 2)) && clean.length > 2 ? 2 : 1;
  const words = syllables(clean, true);
  // Characters pinyin-pro does not know come back as themselves and are dropped above.
  const surname = words.slice(0, surnameLength).join('');
  const given = words.slice(surnameLength).join('');
  return [surname, given].filter(Boolean).join('-');
}

/** The id of anything else: every syllable a word, at most eight words. */
export function titleId(title: string): string {
  return toPinyinSlug(title).split('-').filter(Boolean).slice(0, MAX_WORDS).join('-');
}

/**
 * `base`, or `base-2`, `base-3` … — the first that no existing entry uses. An empty base (a name
 * with no readable character) becomes `fallback`.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>, fallback: string): string {
  const start = base !== '' && ENTRY_ID_PATTERN.test(base) ? base : fallback;
  let id = start;
  for (let n = 2; taken.has(id); n++) id = `${start}-${n}`;
  return id;
}
