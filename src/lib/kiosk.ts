/**
 * The 荣誉室 screen (`/kiosk/`): which entries its attract loop shows and in what order, how its
 * timings are read from site.config.yaml, and how its page points at its images so a copy of the
 * built site opened from the disk (file://) still shows them. Pure: the page passes the catalog's
 * published lists in, already filtered by the publishing rules, so the screen can show nothing the
 * site does not.
 */
import { normalizeText } from './normalize-text';

/** How many of each kind the loop shows: a few minutes' round at the default pace. */
export const KIOSK_LIMITS = { officers: 8, honors: 6, letters: 4 } as const;

/** The timings of the screen, in seconds: the allowed range and the default of each. */
export const KIOSK_TIMINGS = {
  /** With an item open (or the loop paused), back to the running loop after this long untouched. */
  idleSeconds: { min: 10, max: 3600, default: 60 },
  /** Each slide of the loop stays this long. */
  advanceSeconds: { min: 3, max: 120, default: 10 },
} as const;

/** One slide of the loop: the unit's title card, the key figures, or one entry. */
export type KioskSlide = { kind: 'unit' } | { kind: 'figures' } | { kind: 'officers' | 'honors' | 'letters'; id: string };

/** What the loop is chosen from: the catalog's published lists, in the catalog's order. */
export interface KioskSource {
  /** Role models, featured first (the catalog's order). */
  officers: readonly { id: string; data: { featured?: boolean | undefined } }[];
  /** Honours, newest first. */
  honors: readonly { id: string }[];
  /** Letters and banners, newest first. */
  letters: readonly { id: string }[];
  /** Whether the site's own unit has figures (its newest stats period). */
  figures: boolean;
}

/**
 * The slides of the loop: the unit's title card, its key figures, then role models, honours and
 * letters taken in turn, so the screen never shows one kind for minutes on end. Role models are the
 * featured ones — as on the home page, all of them when none is featured — up to the limits.
 */
export function chooseSlides({ officers, honors, letters, figures }: KioskSource, limits: { officers: number; honors: number; letters: number } = KIOSK_LIMITS): KioskSlide[] {
  const featured = officers.filter((o) => o.data.featured);
  const queues: KioskSlide[][] = [
    (featured.length > 0 ? featured : officers).slice(0, limits.officers).map((o) => ({ kind: 'officers' as const, id: o.id })),
    honors.slice(0, limits.honors).map((h) => ({ kind: 'honors' as const, id: h.id })),
    letters.slice(0, limits.letters).map((l) => ({ kind: 'letters' as const, id: l.id })),
  ];
  const turns: KioskSlide[] = [];
  for (let round = 0; queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length) turns.push(queue[round]!);
  }
  return [{ kind: 'unit' }, ...(figures ? [{ kind: 'figures' as const }] : []), ...turns];
}

/**
 * A number of seconds as a clerk types it: `60`, `"60"`, `６０` from a Chinese IME, `60秒`, `60s`,
 * with full-width spaces or invisible characters pasted from Word or WeChat. Anything else is
 * returned as it was, for the schema to report.
 */
export function readSeconds(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = normalizeText(value, { origins: false })
    .text.trim()
    .replace(/\s*(?:秒钟?|s)$/i, '');
  return /^\d+$/.test(text) ? Number(text) : value;
}

/**
 * A site path as seen from a page, relative: `/rongyu/_astro/a.webp` from `/rongyu/kiosk/` is
 * `../_astro/a.webp`. The screen's page names its images this way so that a copy of the built site
 * opened straight from the disk (file:///D:/网站/kiosk/index.html) still finds them, where a path
 * from the site's root would point at the root of the disk. Full URLs, `data:` and paths that are
 * not from the root are returned unchanged.
 */
export function relativePath(fromPage: string, target: string): string {
  if (!target.startsWith('/') || target.startsWith('//') || !fromPage.startsWith('/')) return target;
  const from = fromPage.split('/').slice(1, -1);
  const [pathPart, ...rest] = target.split(/(?=[?#])/);
  const to = pathPart!.split('/').slice(1);
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  const up = from.length - shared;
  const relative = [...Array<string>(up).fill('..'), ...to.slice(shared)].join('/');
  return `${relative === '' ? './' : up === 0 ? `./${relative}` : relative}${rest.join('')}`;
}
