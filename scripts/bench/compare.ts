/**
 * Two bench results side by side (`npm run bench -- --compare earlier.json`): every number the
 * two JSON files share, with the ratio now / before. Pure: two parsed results in, rows out.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every number in a result by its path (`build.coldSeconds`, `phases.cold.steps.privacy-guard`). */
function numbers(value: Json, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(prefix, value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) numbers(inner, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

export interface CompareRow {
  before: number | '';
  now: number | '';
  /** now / before, rounded to two places; '' when either is missing or before is 0. */
  ratio: number | '';
}

/** Rows keyed by path, in the order of the new result, then what only the earlier one had. */
export function compareRows(before: unknown, now: unknown): Record<string, CompareRow> {
  const a = numbers(before as Json);
  const b = numbers(now as Json);
  const rows: Record<string, CompareRow> = {};
  for (const key of [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))]) {
    const x = a.get(key);
    const y = b.get(key);
    rows[key] = { before: x ?? '', now: y ?? '', ratio: x !== undefined && y !== undefined && x !== 0 ? Math.round((y / x) * 100) / 100 : '' };
  }
  return rows;
}
