/**
 * Renaming a site folder, patiently. On Windows a folder cannot be renamed while another program
 * holds a file in it open — nginx or IIS sending a page, an Explorer window, a virus scanner
 * reading the new files, a command window whose current folder it is — and the rename fails with
 * EBUSY, EPERM or EACCES. Such holds are mostly brief, so the rename is retried a few times;
 * when the folder stays busy, the error says in Chinese what to close.
 */
import { renameSync } from 'node:fs';

/** The error codes of a folder some other program is using (Windows), as opposed to a real mistake. */
const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

export interface RetryOptions {
  /** How many times to try in all. Default 8: about 4 seconds of waiting in all. */
  attempts?: number;
  /** The first wait; each next one doubles, up to eight times this. */
  delayMs?: number;
  /** How to wait (tests pass one that does not). */
  sleep?: (ms: number) => Promise<void>;
}

/** A folder that stayed in use through every retry: what happened, and what the clerk can do. */
export class FolderBusyError extends Error {
  readonly hint: string;
  readonly folder: string;

  constructor(folder: string, code: string, attempts: number, options?: ErrorOptions) {
    super(`无法移动文件夹 ${folder}：其中的文件正被其他程序使用（${code}），已重试 ${attempts} 次`, options);
    this.name = 'FolderBusyError';
    this.folder = folder;
    this.hint =
      '请关闭打开了这个文件夹的资源管理器窗口、命令行窗口和编辑器，稍等杀毒软件扫描结束；' +
      '如果 nginx 或 IIS 直接使用这个文件夹提供网站，请先停止网站（nginx：nginx -s stop；IIS：在 IIS 管理器中停止该网站），' +
      '完成后重新发布或回退，再启动网站。';
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Renames `from` to `to`, retrying while the folder is in use; throws `FolderBusyError` when it
 * stays in use, and any other error (a missing folder, another disk) at once.
 */
export async function renameWithRetry(
  from: string,
  to: string,
  rename: (from: string, to: string) => void = renameSync,
  { attempts = 8, delayMs = 100, sleep = wait }: RetryOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined || !BUSY_CODES.has(code)) throw error;
      if (attempt >= attempts) throw new FolderBusyError(from, code, attempts, { cause: error });
      await sleep(delayMs * Math.min(2 ** (attempt - 1), 8));
    }
  }
}
