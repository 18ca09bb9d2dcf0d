/**
 * The editor's 发布 and 回退. A publish runs the real build (src/lib/publish.ts) in the background:
 * the page asks how far it is, and shows the steps and, at the end, the result in Chinese — the
 * 发布前清单, or the problems and that the live site was not touched. One publish at a time; a
 * second press while one runs shows the one running.
 */
import { listSite, publishSite, rollbackSite, type PublishProgress, type PublishResult } from '../publish';
import type { Answer } from './edit-api';

/** What the page shows about publishing. */
export interface PublishState {
  running: boolean;
  progress: PublishProgress | null;
  /** The last publish's outcome, as the page shows it; the build log stays on the server. */
  result: { ok: boolean; lines: string[]; pages?: number; ms: number } | null;
  /** The published versions, in Chinese: 现在在线 … and the kept ones. */
  versions: string[];
  /** Whether 回退 has a version to bring back. */
  canRollback: boolean;
}

/**
 * The publishing of one site. `env` is the environment of the build: the editor's own without its
 * session token, so the build is the one `npm run build` makes.
 */
export function publisher(root: string, env: Record<string, string | undefined>) {
  let running: Promise<PublishResult> | null = null;
  let progress: PublishProgress | null = null;
  let last: PublishState['result'] = null;

  const state = (): PublishState => {
    const { list, lines } = listSite({ root, env });
    return { running: running !== null, progress, result: last, versions: lines, canRollback: list.previous !== null };
  };

  return {
    state: (): Answer => ({ status: 200, body: state() }),
    /** Starts a publish (or joins the one running) and answers at once. */
    start(): Answer {
      if (!running) {
        progress = null;
        last = null;
        running = publishSite({ root, env, onProgress: (p) => (progress = p) });
        running
          .then((result) => (last = { ok: result.ok, lines: result.lines, ...(result.ok ? { pages: result.pages } : {}), ms: result.ms }))
          .catch((error: unknown) => (last = { ok: false, lines: ['发布时出错，网站没有更新。', String((error as Error)?.message ?? error)], ms: 0 }))
          .finally(() => {
            running = null;
            progress = null;
          });
      }
      return { status: 202, body: state() };
    },
    /** Puts the previous published site back; answers when it is done. */
    async rollback(): Promise<Answer> {
      if (running) return { status: 409, body: { ok: false, lines: ['正在发布，请等发布完成后再回退。'] } };
      const result = await rollbackSite({ root, env });
      return { status: 200, body: { ok: result.ok, lines: result.lines, state: state() } };
    },
  };
}
