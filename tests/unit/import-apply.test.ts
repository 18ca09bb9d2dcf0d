import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePlan } from '../../src/lib/import/apply';
import type { PlannedFile } from '../../src/lib/import/plan';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folder = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-apply-'));
  folders.push(dir);
  return dir;
};

const planned = (action: PlannedFile['action'], file: string, text: string, before?: string): PlannedFile => ({
  action,
  id: path.basename(file, path.extname(file)),
  path: file,
  text,
  ...(before !== undefined ? { before } : {}),
  rows: [2],
  metricRows: new Map(),
});

describe('writePlan writes all files or none', () => {
  it('creates and updates files', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'officers'));
    writeFileSync(path.join(dir, 'officers', 'a.md'), 'old');
    const written = writePlan([planned('update', 'officers/a.md', 'new', 'old'), planned('create', 'honors/b.md', 'b')], dir);
    expect(written).toEqual([path.join(dir, 'officers', 'a.md'), path.join(dir, 'honors', 'b.md')]);
    expect(readFileSync(path.join(dir, 'officers', 'a.md'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dir, 'honors', 'b.md'), 'utf8')).toBe('b');
  });

  it('never overwrites a file that appeared meanwhile, and undoes what it wrote before', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'officers'));
    writeFileSync(path.join(dir, 'officers', 'a.md'), 'old');
    writeFileSync(path.join(dir, 'officers', 'taken.md'), 'someone else');
    expect(() =>
      writePlan(
        [planned('create', 'officers/first.md', 'first'), planned('update', 'officers/a.md', 'new', 'old'), planned('create', 'officers/taken.md', 'mine')],
        dir,
      ),
    ).toThrow(/EEXIST/);
    expect(existsSync(path.join(dir, 'officers', 'first.md'))).toBe(false);
    expect(readFileSync(path.join(dir, 'officers', 'a.md'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(dir, 'officers', 'taken.md'), 'utf8')).toBe('someone else');
  });
});
