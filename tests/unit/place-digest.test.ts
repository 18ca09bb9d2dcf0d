import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlaces } from '../../src/lib/place-digest';

let work: string;
const folder = (...parts: string[]) => {
  const dir = path.join(work, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
};
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('readPlaces', () => {
  it('tells a file moved from one folder to the next, and one file from two, apart', () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-places-'));
    const [a, b] = [folder('site-public'), folder('public')];
    writeFileSync(path.join(a, 'badge.png'), 'png');
    writeFileSync(path.join(b, 'favicon.svg'), '<svg/>');
    const before = readPlaces([a, b]).digest;
    renameSync(path.join(a, 'badge.png'), path.join(b, 'badge.png'));
    expect(readPlaces([a, b]).digest).not.toBe(before);

    const c = folder('split');
    writeFileSync(path.join(c, 'a'), 'X\0b\0Y');
    const whole = readPlaces([c]).digest;
    writeFileSync(path.join(c, 'a'), 'X');
    writeFileSync(path.join(c, 'b'), 'Y');
    expect(readPlaces([c]).digest).not.toBe(whole);
  });

  it('is the same for the same files in another folder', () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-places-'));
    for (const copy of ['one', 'two']) writeFileSync(path.join(folder(copy, 'lib'), 'rule.ts'), 'export const rule = 1;\n');
    expect(readPlaces([path.join(work, 'one', 'lib')]).digest).toBe(readPlaces([path.join(work, 'two', 'lib')]).digest);
  });

  it('reads a file larger than its buffer in pieces, and counts a missing place as missing', () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-places-'));
    const big = path.join(work, 'video.mp4');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    writeFileSync(big, bytes);
    const first = readPlaces([big]);
    bytes[bytes.length - 1] = 8;
    writeFileSync(big, bytes);
    expect(readPlaces([big]).digest).not.toBe(first.digest);
    expect(first.newestChangeMs).toBeGreaterThan(0);

    const missing = path.join(work, 'missing');
    const without = readPlaces([missing]).digest;
    mkdirSync(missing);
    expect(readPlaces([missing]).digest).not.toBe(without);
  });
});
