/**
 * Writing a checked plan: all files or none. New files are created only where no file exists
 * (never overwriting one that appeared meanwhile); updated files are replaced by renaming a
 * complete copy over them. If any write fails, what was already written is undone.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './plan';

/** Writes the files; returns their absolute paths. Throws (after undoing) when a write fails. */
export function writePlan(files: readonly PlannedFile[], contentDir: string): string[] {
  const done: { file: PlannedFile; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(contentDir, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      if (file.action === 'create') {
        writeFileSync(target, file.text, { flag: 'wx' });
      } else {
        const temporary = `${target}.import-${process.pid}`;
        writeFileSync(temporary, file.text, { flag: 'wx' });
        renameSync(temporary, target);
      }
      done.push({ file, target });
    }
  } catch (error) {
    for (const { file, target } of done.reverse()) {
      if (file.action === 'create') rmSync(target, { force: true });
      else if (file.before !== undefined && existsSync(target)) writeFileSync(target, file.before);
    }
    throw error;
  }
  return done.map((d) => d.target);
}
