/**
 * A fingerprint of a folder: every file's relative path and SHA-256, sorted. Two folders with the
 * same fingerprint hold the same files byte for byte; a missing folder has an empty one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../../src/lib/guard-site';

export function fingerprint(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return filesUnder(dir).map((f) => `${f} ${createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')}`);
}
