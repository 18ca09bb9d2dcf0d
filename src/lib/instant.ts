/**
 * Moments such as `publishDate`. Authors think in Beijing time, so a date or a time written without
 * a zone means Beijing time (UTC+8, no daylight saving), wherever the build runs.
 */

/** Beijing time is UTC+8 all year. */
export const SITE_UTC_OFFSET_MINUTES = 8 * 60;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2})(?::(\d{2}))?.*(Z|[+-]\d{2}:?\d{2})$/;

/** Whether the fields name a real moment: rejects 2026-02-30 and 09:75 instead of rolling them over. */
function isRealMoment(fields: readonly (string | undefined)[]): boolean {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = fields.map((f) => (f === undefined ? 0 : Number(f)));
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCDate() === d && check.getUTCMonth() === mo - 1 && h <= 23 && mi <= 59 && s <= 59;
}

/**
 * `2026-12-01` → 2026-12-01 00:00 Beijing; `"2026-12-01 09:00"` → 09:00 Beijing; a value with an
 * explicit zone is taken as written. YAML parsers turn an unquoted date into a `Date` at UTC
 * midnight: that also means midnight in Beijing. Returns null when the text is not a moment.
 */
export function parseInstant(input: unknown): Date | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    const isBareDate =
      input.getUTCHours() === 0 && input.getUTCMinutes() === 0 && input.getUTCSeconds() === 0 && input.getUTCMilliseconds() === 0;
    return isBareDate ? new Date(input.getTime() - SITE_UTC_OFFSET_MINUTES * 60_000) : input;
  }
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const local = LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    if (!isRealMoment([y, mo, d, h, mi, s])) return null;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return new Date(utc - SITE_UTC_OFFSET_MINUTES * 60_000);
  }
  const zoned = ZONED.exec(text);
  if (zoned) {
    // JavaScript's own parser rolls 2026-02-30T09:00Z over into March: check the fields first.
    if (!isRealMoment(zoned.slice(1, 7))) return null;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** `2026年7月1日 08:00`: a moment in Beijing time, wherever this runs (the editor's 定时发布). */
export function formatInstant(moment: Date): string {
  const beijing = new Date(moment.getTime() + SITE_UTC_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}
