import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startUsingCache, stopUsingCache, writtenSince } from '../../src/lib/interrupted-cache';

describe('writtenSince', () => {
  it('names the files written at or after the time, none before', () => {
    const files = [
      { name: 'old.webp', mtimeMs: 999 },
      { name: 'same.webp', mtimeMs: 1000 },
      { name: 'new.webp', mtimeMs: 1500 },
    ];
    expect(writtenSince(files, 1000)).toEqual(['same.webp', 'new.webp']);
  });
});

describe('a cache used by a build that was killed', () => {
  /** A cache with a picture and a card from an earlier, finished build (an hour ago). */
  function cache(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-cache-'));
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const [part, file] of [['assets', 'a.webp'], ['share-cards', 'c.png'], ['qr', 'q.svg']] as const) {
      mkdirSync(path.join(dir, part));
      writeFileSync(path.join(dir, part, file), 'whole');
      utimesSync(path.join(dir, part, file), hourAgo, hourAgo);
    }
    return dir;
  }

  it('loses what the killed build wrote, and keeps what earlier builds wrote', () => {
    const dir = cache();
    expect(startUsingCache(dir)).toBe(0);
    // The build writes a picture and a card, and is killed before it finishes.
    writeFileSync(path.join(dir, 'assets', 'half.webp'), 'ha');
    writeFileSync(path.join(dir, 'share-cards', 'half.png'), 'ha');
    expect(startUsingCache(dir)).toBe(2);
    expect(readdirSync(path.join(dir, 'assets'))).toEqual(['a.webp']);
    expect(readdirSync(path.join(dir, 'share-cards'))).toEqual(['c.png']);
    expect(readdirSync(path.join(dir, 'qr'))).toEqual(['q.svg']);
  });

  it('removes nothing after a build that finished', () => {
    const dir = cache();
    startUsingCache(dir);
    writeFileSync(path.join(dir, 'assets', 'b.webp'), 'whole');
    stopUsingCache(dir);
    expect(startUsingCache(dir)).toBe(0);
    expect(readdirSync(path.join(dir, 'assets')).sort()).toEqual(['a.webp', 'b.webp']);
  });

  it('starts on a cache folder that does not exist yet', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'honor-roll-cache-')), 'new');
    expect(startUsingCache(dir)).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });
});
