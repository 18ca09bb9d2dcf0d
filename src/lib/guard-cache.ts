/**
 * What the privacy guard already found clean, kept between builds so that a rebuild reads again
 * only the files that changed. A file is skipped only when its name and bytes, every rule the
 * guard applies to it (canaries of the excluded entries, the allow-list, the files of public/:
 * guard-site.ts cachedRules) and the guard's own code are all what they were when it was found
 * clean: the guard is a function of exactly these, so its answer would be the same. (Whether a file
 * is an uploaded original is looked for in every file on every build.) Files with a finding are
 * never remembered, and each build keeps only the files of its own site.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPlaces } from './place-digest';

export interface GuardCache {
  /** Whether `file` with these bytes was found clean under the same rules. */
  isClean(file: string, bytes: Uint8Array): boolean;
  /** Remembers `file` with these bytes as clean. */
  markClean(file: string, bytes: Uint8Array): void;
  /** Writes what this build found clean (and only that), and forgets what other rules found. */
  save(): void;
  /** How many files this build did not read again. */
  readonly reused: number;
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * The key of a set of rules: anything JSON can say (sets as sorted arrays), plus the version of
 * the code that applies them.
 */
export function rulesKey(rules: object, codeVersion: string): string {
  const plain = JSON.stringify(rules, (_, value: unknown) => (value instanceof Set ? [...value].map(String).sort() : value));
  return sha256(plain, codeVersion);
}

/**
 * The version of the code in `places` (files, and folders with every file in them, by name and
 * content): a change to any rule, pattern or reader of the guard gives another version, whether or
 * not someone remembered to say so.
 */
export function codeVersion(...places: string[]): string {
  // A project without a lockfile still builds; its absence is part of the version.
  return readPlaces(places).digest;
}

/** The guard's memory in `dir` for rules with key `key`. */
export function openGuardCache(dir: string, key: string): GuardCache {
  const file = path.join(dir, `clean-${key}.txt`);
  let before = new Set<string>();
  try {
    before = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    // first build with these rules
  }
  const now = new Set<string>();
  let reused = 0;
  return {
    get reused() {
      return reused;
    },
    isClean: (name, bytes) => {
      const entry = sha256(name, bytes);
      if (!before.has(entry)) return false;
      now.add(entry);
      reused++;
      return true;
    },
    markClean: (name, bytes) => void now.add(sha256(name, bytes)),
    save: () => {
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) if (old.startsWith('clean-') && old !== path.basename(file)) rmSync(path.join(dir, old), { force: true });
      // Written whole, then renamed: a build stopped half-way leaves the previous list, never half a one.
      writeFileSync(`${file}.tmp`, [...now].join('\n'));
      renameSync(`${file}.tmp`, file);
    },
  };
}
