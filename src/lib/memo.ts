/**
 * Remembering the results of pure functions of text. The editor is one long-running process that
 * checks the whole site again after every save: a file that did not change reads, parses and
 * scans the same as last time, so its results are kept (by the text itself) instead of computed
 * again. Bounded, the entries used longest ago forgotten first; results must never be mutated.
 */
export interface Memo<T> {
  get(key: string, compute: () => T): T;
}

export function memo<T>(max: number): Memo<T> {
  const kept = new Map<string, T>();
  return {
    get(key, compute) {
      const found = kept.get(key);
      if (found !== undefined || kept.has(key)) {
        // Used again: to the end of the line, last to be forgotten.
        kept.delete(key);
        kept.set(key, found as T);
        return found as T;
      }
      const value = compute();
      kept.set(key, value);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return value;
    },
  };
}
