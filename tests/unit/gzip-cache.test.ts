import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openGzipCache } from '../../src/lib/gzip-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gzip-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (text: string) => Buffer.from(`<!doctype html><html><body>${text.repeat(50)}</body></html>`);

describe('openGzipCache', () => {
  it('compresses what changed, copies what did not, and keeps only what the last build used', () => {
    const first = openGzipCache(dir);
    const a = first.gzip(page('甲'));
    first.gzip(page('乙'));
    first.prune();
    expect(first.reused).toBe(0);
    expect(gunzipSync(a).equals(page('甲'))).toBe(true);

    const second = openGzipCache(dir);
    expect(second.gzip(page('甲')).equals(a)).toBe(true);
    expect(gunzipSync(second.gzip(page('丙'))).equals(page('丙'))).toBe(true);
    second.prune();
    expect(second.reused).toBe(1);
    // 乙 is gone from the site, so from the cache.
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('compresses again a copy removed from the cache meanwhile', () => {
    const cache = openGzipCache(dir);
    for (const name of readdirSync(dir)) rmSync(path.join(dir, name));
    expect(gunzipSync(cache.gzip(page('甲'))).equals(page('甲'))).toBe(true);
    expect(cache.reused).toBe(0);
  });
});
