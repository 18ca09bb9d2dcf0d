/**
 * Every save of the editor is recorded, so that 撤销 can put an entry back: a copy of each file as
 * it was before the save (or a note that it did not exist) under `.honor-roll/history/`, and a line
 * in its log. When the project is a git repository the save is also a commit, so the unit's IT
 * person sees who changed what in the tools they know; the copies make undo work either way.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-file';

/** One file of a save: where it is (relative to the project, with `/`) and where its earlier copy is. */
export interface HistoryFile {
  path: string;
  /** The copy of the file before the save, relative to the history folder; null when the save created it. */
  previous: string | null;
}

export interface HistoryRecord {
  /** Increasing number of the record. */
  seq: number;
  /** When it happened, ISO 8601. */
  time: string;
  action: 'create' | 'update' | 'undo';
  /** The entry, `officers/wang-xiang`. */
  entry: string;
  /** What happened, in Chinese, as the history list shows it: 修改了人物“王祥”. */
  summary: string;
  files: HistoryFile[];
  /** For an undo: the record it undid. */
  undoes?: number;
}

export const historyDir = (root: string) => path.join(root, '.honor-roll', 'history');
const logFile = (root: string) => path.join(historyDir(root), 'log.jsonl');

/** Every record, oldest first. A damaged line (a crash while writing it) is skipped. */
export function readHistory(root: string): HistoryRecord[] {
  if (!existsSync(logFile(root))) return [];
  return readFileSync(logFile(root), 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() ? [JSON.parse(line) as HistoryRecord] : [];
      } catch {
        return [];
      }
    });
}

/**
 * Keeps copies of `files` (paths relative to `root`) as they are now: call before writing them.
 * Returns the files for the record.
 */
export function keepPrevious(root: string, files: readonly string[]): { seq: number; files: HistoryFile[] } {
  // A path climbing out of the site would put its copy outside the history folder too.
  const outside = files.find((file) => file.split('/').includes('..') || path.isAbsolute(file));
  if (outside) throw new Error(`history: ${outside} is not inside ${root}`);
  const seq = (readHistory(root).at(-1)?.seq ?? 0) + 1;
  const kept = files.map((file): HistoryFile => {
    const absolute = path.join(root, file);
    if (!existsSync(absolute)) return { path: file, previous: null };
    const copy = `${seq}/${file}`;
    mkdirSync(path.dirname(path.join(historyDir(root), copy)), { recursive: true });
    copyFileSync(absolute, path.join(historyDir(root), copy));
    return { path: file, previous: copy };
  });
  return { seq, files: kept };
}

/** Appends a record to the log, and commits the files when the project is a git repository. */
export function record(root: string, entry: Omit<HistoryRecord, 'time'>): HistoryRecord {
  const full: HistoryRecord = { ...entry, time: new Date().toISOString() };
  mkdirSync(historyDir(root), { recursive: true });
  appendFileSync(logFile(root), `${JSON.stringify(full)}\n`);
  commitToGit(root, full);
  return full;
}

/** Whether `root` is inside a git work tree (and git is installed). */
function isGitRepository(root: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * A commit of exactly the saved files, under a fixed name (a clerk's PC has no git identity set up).
 * A failure is not the clerk's problem: the copies already make undo possible.
 */
function commitToGit(root: string, entry: HistoryRecord): void {
  if (!isGitRepository(root)) return;
  const paths = entry.files.map((f) => f.path);
  try {
    execFileSync('git', ['add', '--all', '--', ...paths], { cwd: root, stdio: 'ignore' });
    execFileSync('git', ['-c', 'user.name=编辑台', '-c', 'user.email=editor@honor-roll.invalid', 'commit', '--quiet', '-m', `编辑台：${entry.summary}`, '--', ...paths], {
      cwd: root,
      stdio: 'ignore',
    });
  } catch {
    // Nothing to commit, or git refused: the history copy stands.
  }
}

/** The last record that changed an entry and has not been undone yet; undoing again goes further back. */
export function lastChange(root: string, entry: string): HistoryRecord | undefined {
  const records = readHistory(root).filter((r) => r.entry === entry);
  const undone = new Set(records.flatMap((r) => (r.undoes === undefined ? [] : [r.undoes])));
  return records.findLast((r) => r.action !== 'undo' && !undone.has(r.seq));
}

/**
 * The order an undo puts a change's files back in. A save writes an entry's pictures before the
 * entry that names them; the undo writes back in that order and removes the files the change
 * created in the reverse one (the entry, then its picture), so the dev server, which reads an entry
 * as soon as it changes, never finds one naming a picture that is not there: Astro then imports
 * the picture by its plain name (`li-si.jpg`), which no module resolves (see withoutMissingPictures).
 */
export function undoSteps(files: readonly HistoryFile[]): HistoryFile[] {
  return [...files.filter((f) => f.previous !== null), ...files.filter((f) => f.previous === null).reverse()];
}

/**
 * Puts the files of an entry's last change back as they were (a created entry is removed again),
 * and records that as a change of its own. Returns the record undone, or undefined when there is
 * nothing to undo.
 */
export function undoLastChange(root: string, entry: string, label: string): HistoryRecord | undefined {
  const last = lastChange(root, entry);
  if (!last) return undefined;
  const kept = keepPrevious(
    root,
    last.files.map((f) => f.path),
  );
  for (const file of undoSteps(last.files)) {
    const absolute = path.join(root, file.path);
    if (file.previous === null) rmSync(absolute, { force: true });
    else writeFileAtomic(absolute, readFileSync(path.join(historyDir(root), file.previous)));
  }
  record(root, { seq: kept.seq, action: 'undo', undoes: last.seq, entry, summary: `撤销了对${label}的${last.action === 'create' ? '新建' : '修改'}`, files: kept.files });
  return last;
}
