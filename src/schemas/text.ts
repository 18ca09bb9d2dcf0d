import { z } from 'astro/zod';
import { INVISIBLE } from '../lib/normalize-text';

/**
 * How long free text may be, by what it is, in characters. Long enough for any real entry (the
 * sample's longest values are a fifth of these), short enough that one pasted article cannot
 * stall the search index or break a share card. Each size says what to do when text is longer;
 * the check shows it with the length and the limit.
 */
export const TEXT_SIZES = {
  /** A unit's own word for its kind: 社区警务队, 战斗班. */
  kind: { max: 12, fix: '请缩短：只写类型的叫法，如 社区警务队；说明写在简介中' },
  /** A person's name, a short name, a tag, a search alias, a counting word, a metric's name or key. */
  name: { max: 32, fix: '请缩短：这里只写名称本身' },
  /** An official name or a short label: a unit's full name, a post, a document number, opening hours, a sender. */
  label: { max: 60, fix: '请缩短：这里只写名称本身，说明写在简介或正文中' },
  /** A headline or one line: a title, the awarding bodies, an address, a banner's words, a note. */
  title: { max: 120, fix: '请缩短；详细内容写在简介或正文中' },
  /** What an image shows, for readers who cannot see it. */
  alt: { max: 120, fix: '用一句话说明图片的内容即可，如 “民警在警务站前执勤”' },
  /** One or two sentences for lists and sharing. */
  summary: { max: 300, fix: '请缩短；详细内容写在正文中' },
  /** A web address. */
  url: { max: 2000, fix: '请用文章的正式网址，去掉 ? 后面的跟踪参数' },
} as const;

/** How many items a list may hold. */
export const LIST_SIZES = {
  /** A few: tags, aliases, services, sources, menu items. */
  few: { max: 20, fix: '请只保留最主要的几项' },
  /** Many: recipients, addressees, figures of a period, the members of a points month. */
  many: { max: 500, fix: '请删去一些，或拆分成几个条目' },
} as const;

/** Text of one kind, trimmed, at most its size; may be empty. */
export function boundedString(size: keyof typeof TEXT_SIZES) {
  const { max, fix } = TEXT_SIZES[size];
  return z.string().trim().max(max, fix);
}

/** Free text of one kind: trimmed, not empty, at most its size. */
export function boundedText(size: keyof typeof TEXT_SIZES) {
  return boundedString(size).min(1, '不能为空');
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * A short label shown as it is written, on one line: characters that show as nothing (a zero-width
 * space or joiner pasted from WeChat or Word) are removed, then spaces of every width around it
 * are trimmed; a line break is refused, since the label sits inside a line of the page.
 */
export function oneLineText(size: keyof typeof TEXT_SIZES) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(INVISIBLE_ALL, '') : value),
    boundedText(size).refine((text) => !LINE_BREAK.test(text), '只能写一行，请去掉换行'),
  );
}

/** A list of at most `size` items. */
export function boundedList<T extends z.ZodTypeAny>(item: T, size: keyof typeof LIST_SIZES) {
  const { max, fix } = LIST_SIZES[size];
  return z.array(item).max(max, fix);
}
