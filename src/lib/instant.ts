/**
 * Moments such as `publishDate`. Authors think in Beijing time, so a date or a time written without
 * a zone means Beijing time (UTC+8, no daylight saving), wherever the build runs.
 */

/** Beijing time is UTC+8 all year. */
export const SITE_UTC_OFFSET_MINUTES = 8 * 60;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

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
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const check = new Date(utc);
    // Reject 2026-02-30 instead of rolling over into March.
    if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
    return new Date(utc - SITE_UTC_OFFSET_MINUTES * 60_000);
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
