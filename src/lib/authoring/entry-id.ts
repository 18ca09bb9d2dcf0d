/**
 * New entry ids from Chinese names: 王祥 → wang-xiang, 刁爱清 → diao-aiqing (the way Chinese names
 * are written in pinyin: surname, then the given name in one word), 个人三等功 → ge-ren-san-deng-gong.
 * Surnames read as surnames (单 shan, 曾 zeng, 仇 qiu); an id that is taken gets -2, -3 …,
 * so an existing entry is never overwritten.
 */
import { pinyin } from 'pinyin-pro';
import { ENTRY_ID_PATTERN } from '../entry-id';
import { toPinyinSlug } from '../slug';
import { LETTER_KINDS } from '../labels';
import { parsePartialDate } from '../partial-date';
import type { CollectionName } from '../../schemas/context';

/** Two-character surnames, which the given name follows. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 夏侯 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 端木 独孤 南宫 西门 万俟 闻人 申屠 澹台 呼延 百里 东郭 太史 钟离 轩辕 公羊 赫连'.split(' '),
);

/** Ids longer than this many words (syllables) are cut: an address should stay typeable. */
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

/**
 * The id of anything else: every syllable a word, at most `maxWords` (eight), cut where a Chinese
 * word ends — 建国70周年大庆安保先进集体 → jian-guo-70-zhou-nian-da-qing, not …-da-qing-an.
 * `npm run new`, `npm run import` and the editor all make their ids here (through entryBaseId).
 */
export function titleId(title: string, maxWords = MAX_WORDS): string {
  return toPinyinSlug(title, maxWords);
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

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const group = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/**
 * The id a new entry gets from its fields (as written in the file), before making it unique: the
 * year first where there is one, so that honours of the same name in different years do not
 * collide; an honour of one person ends with that person's id.
 */
export function entryBaseId(collection: CollectionName, data: Record<string, unknown>): string {
  const date = parsePartialDate(collection === 'stats' ? group(data.period).start : data.date);
  const year = date.ok ? String(date.value.year) : '';
  // “2020年下半年工作数据” already says the year: 2020-xia-ban-nian-…, not 2020-2020-nian-….
  const dated = (title: string) => [year, titleId(year ? title.replace(new RegExp(`^${year}\\s*年?`), '') : title)].filter(Boolean).join('-');
  switch (collection) {
    case 'officers':
      return personId(text(data.name));
    case 'units':
      return titleId(text(data.shortName) || text(data.name));
    case 'honors': {
      const { officers } = group(data.recipients);
      // Only an id: a form half filled in, or a placeholder, adds nothing.
      const person = Array.isArray(officers) && officers.length === 1 && ENTRY_ID_PATTERN.test(text(officers[0])) ? text(officers[0]) : '';
      return [dated(text(data.title)), person].filter(Boolean).join('-');
    }
    case 'letters': {
      // The kind ends the id however long the sender's description: the sender is cut to make room.
      const kind = toPinyinSlug(LETTER_KINDS[text(data.kind) as keyof typeof LETTER_KINDS] ?? '');
      const kindWords = kind ? kind.split('-').length : 0;
      return [year, titleId(text(data.from), MAX_WORDS - kindWords), kind].filter(Boolean).join('-');
    }
    case 'stats':
    case 'activities':
      return dated(text(data.title));
    case 'points':
      return `${text(data.unit)}-${text(data.month)}`;
  }
}

/** A new entry's id: its base id, made unique among `taken`; the collection's singular when nothing is readable. */
export function newEntryId(collection: CollectionName, data: Record<string, unknown>, taken: ReadonlySet<string>): string {
  return uniqueId(entryBaseId(collection, data), taken, FALLBACK_IDS[collection]);
}

const FALLBACK_IDS: Record<CollectionName, string> = { units: 'unit', officers: 'officer', honors: 'honor', letters: 'letter', stats: 'stats', activities: 'activity', points: 'points' };
