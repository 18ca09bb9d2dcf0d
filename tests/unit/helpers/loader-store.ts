/** A store like the scoped one Astro hands a content loader, keeping what is set: `entries` shows it. */
export function fakeStore() {
  const entries = new Map<string, { id: string; body?: string }>();
  const store = {
    get: (key: string) => entries.get(key),
    entries: () => [...entries],
    set: (entry: { id: string }) => {
      entries.set(entry.id, entry);
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key: string) => void entries.delete(key),
    clear: () => entries.clear(),
    has: (key: string) => entries.has(key),
    addAssetImports: () => {},
    addModuleImport: () => {},
  };
  return { entries, store };
}
