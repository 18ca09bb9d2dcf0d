/**
 * The 编辑台 (`npm run edit`): a local web editor living inside Astro's dev server, so that its
 * preview is Astro's own rendering of the site. Added to the config only when HONOR_ROLL_EDITOR
 * holds this run's session token (scripts/edit.ts sets it); a build never sees it.
 *
 * Every request and every websocket handshake reaching the HTTP server passes the request guard
 * first (see `guardServer`): Astro's dev server can read any file of the project (Vite's `/@fs/`,
 * `/src/`) and the editor will write content, so nothing may answer before the guard has.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkSite } from '../lib/check/check-site';
import { displayPath } from '../lib/check/problem';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { entriesResponse } from '../lib/editor/api';
import { bodyPreviewAnswer, docxAnswer, entryAnswer, entryImage, formAnswer, MAX_UPLOAD_BYTES, importAnswer, importChoicesAnswer, optionsAnswer, photoAnswer, saveAnswer, tagsAnswer, undoAnswer, uploadStore } from '../lib/editor/edit-api';
import { loadSiteConfig } from '../lib/site-config';
import { DEFAULT_POINT_CATEGORIES } from '../schemas/site-config';
import { changeCache } from '../lib/editor/change-cache';
import { isCollectionName, isInside } from '../lib/editor/content-path';
import { buildEntryList } from '../lib/editor/entry-list';
import { guardRequest, TOKEN_PATTERN, type GuardVerdict } from '../lib/editor/request-guard';
import { EDITOR_CSP, editorShell } from '../lib/editor/shell';
import { recoverSite } from '../lib/publish';
import { publisher } from '../lib/editor/publish-api';
import { readBuildTime, resolveSitePaths } from '../lib/site-paths';
import { dirUrl } from './atomic-output';
import { EDITOR_ENV } from '../lib/editor/env';

export { EDITOR_ENV };

/** The editor's own addresses. */
const EDITOR_PREFIX = '/__editor/';

/**
 * Dev-server addresses the editor has no use for and that act on a GET: Vite's "open in editor"
 * starts a program on this PC. Closed even to the editor's own session.
 */
const CLOSED_PATHS = new Set(['/__open-in-editor']);

/** Embargoes end with time: the check is redone at least this often even when nothing changes. */
const CHECK_MAX_AGE_MS = 5 * 60_000;

/** Headers of every answer the editor itself gives. */
const EDITOR_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': EDITOR_CSP,
};

/** A save is a form and a body (at most 1 MB, as the check allows), with room to spare. */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** What the browser is told a picture file is. */
const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif' };

class EditorRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...EDITOR_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** A refusal as the asker can read it: JSON for the API, a short Chinese page otherwise. */
function sendRefusal(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
  if ((req.url ?? '').startsWith(`${EDITOR_PREFIX}api/`)) return sendJson(res, status, { error: reason });
  const text = reason.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const page = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>编辑台</title><style>p{font:20px/1.6 system-ui,sans-serif;margin:2em}</style><p>${text}</p></html>`;
  // Nothing on this page runs; its one style block is its own.
  send(res, status, 'text/html; charset=utf-8', page, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
}

/** The body of a request, refused with 413 past `limit` bytes (counted as they arrive, not from Content-Length alone). */
async function readRequestBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new EditorRequestError(413, tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.destroy();
      throw new EditorRequestError(413, tooLarge);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new EditorRequestError(400, '提交的内容无法读取，请刷新页面后重试。');
  }
}

/** Refuses a websocket handshake on the raw socket: there is no response object yet. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = Buffer.from(reason, 'utf8');
  socket.end(`HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Forbidden'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${reason}`);
  socket.destroy();
}

/**
 * Puts `onRequest` and `onUpgrade` in front of everything that listens on the HTTP server.
 *
 * A connect middleware added in `astro:server:setup` would not be first: after the setup hooks,
 * Astro puts its base-path and trailing-slash middlewares in front of the stack (`unshift`), and
 * Vite's websocket handshakes (`upgrade` events) never pass through connect at all. The server's
 * `emit` is where both arrive, before any listener, whoever added it and whenever.
 * Each handler returns true when it has answered; otherwise the event goes on as usual.
 */
function guardServer(
  server: Server,
  onRequest: (req: IncomingMessage, res: ServerResponse) => boolean,
  onUpgrade: (req: IncomingMessage, socket: Duplex) => boolean,
): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    // 'checkContinue' and 'checkExpectation' stand in for 'request' when a client sends `Expect:`.
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
      if (onRequest(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    } else if (event === 'upgrade' || event === 'connect') {
      if (onUpgrade(args[0] as IncomingMessage, args[1] as Duplex)) return true;
    }
    return emit(event, ...args);
  }) as typeof server.emit;
}

export function editor(): AstroIntegration {
  let root = '';
  let publicDir = '';
  let buildCacheDir = '';
  return {
    name: 'honor-roll:editor',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        if (!TOKEN_PATTERN.test(process.env[EDITOR_ENV] ?? '')) {
          throw new AstroError('编辑台的访问令牌无效：请用 npm run edit 启动编辑台。');
        }
        // Loopback only, whatever `--host` says; no dev toolbar (English, and a websocket client).
        // The dev server keeps its content store in a cache of its own: a publish builds with the
        // usual one while the editor runs, and two Astro processes must not share one.
        buildCacheDir = resolveSitePaths(fileURLToPath(config.root), process.env, process.argv).cacheDir;
        updateConfig({
          server: { host: '127.0.0.1' },
          devToolbar: { enabled: false },
          cacheDir: dirUrl(`${buildCacheDir}-editor`),
          // A publish writes thousands of files (staging, the output, kept versions, history): none is the site's source.
          vite: {
            server: {
              watch: { ignored: ['**/.honor-roll/**', '**/dist/**', '**/dist-internal/**', '**/.dist-*/**', '**/.dist-internal-*/**'] },
              // Another unit's folder (HONOR_ROLL_SITE) holds the pictures the preview shows: Vite may read it, and the project.
              fs: { allow: [fileURLToPath(config.root), resolveSitePaths(fileURLToPath(config.root), process.env, process.argv).siteDir] },
            },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:server:setup': ({ server }) => {
        const httpServer = server.httpServer as Server | null;
        if (!httpServer) throw new AstroError('编辑台需要 Astro 自带的开发服务器。');
        const token = process.env[EDITOR_ENV] ?? '';
        const paths = resolveSitePaths(root, process.env, process.argv);
        const contentFolder = displayPath(root, paths.contentDir);

        const check = changeCache(
          async () => {
            const now = readBuildTime(process.env, new Date()) ?? new Date();
            const site = await checkSite({ root, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now, audience: 'public' });
            const points = site.config.ok ? site.config.config.points.publish : undefined;
            return {
              list: buildEntryList(site.content, { now, audience: 'public', points, contentFolder }),
              siteTitle: site.config.ok ? site.config.config.title : '',
              problems: site.problems,
              base: site.config.ok ? site.config.config.base : '/',
              categories: site.config.ok ? site.config.config.points.categories : DEFAULT_POINT_CATEGORIES,
            };
          },
          { maxAgeMs: CHECK_MAX_AGE_MS },
        );
        // The content of another unit's folder (HONOR_ROLL_SITE) is outside Vite's root: watch it too.
        server.watcher.add([paths.contentDir, paths.configFile, publicDir]);
        server.watcher.on('all', (_event, file) => {
          if (isInside(paths.contentDir, file) || isInside(publicDir, file) || path.resolve(file) === path.resolve(paths.configFile)) check.invalidate();
        });

        const session = () => ({ port: (httpServer.address() as AddressInfo).port, token });

        const onRequest = (req: IncomingMessage, res: ServerResponse): boolean => {
          const verdict: GuardVerdict = guardRequest(req, session());
          if (verdict.kind === 'refuse') {
            sendRefusal(req, res, verdict.status, verdict.reason);
            return true;
          }
          if (verdict.kind === 'redirect') {
            send(res, verdict.status, 'text/plain; charset=utf-8', '', { Location: verdict.location, ...(verdict.setCookie ? { 'Set-Cookie': verdict.setCookie } : {}) });
            return true;
          }
          // The site's pages may be framed by the editor's preview, by nothing else.
          res.setHeader('X-Frame-Options', 'SAMEORIGIN');
          const url = new URL(req.url ?? '/', 'http://editor.invalid');
          if (CLOSED_PATHS.has(url.pathname)) {
            sendRefusal(req, res, 404, '编辑台不提供这个功能。');
            return true;
          }
          if (url.pathname === EDITOR_PREFIX.slice(0, -1)) {
            send(res, 308, 'text/plain; charset=utf-8', '', { Location: `${EDITOR_PREFIX}${url.search}` });
            return true;
          }
          if (!url.pathname.startsWith(EDITOR_PREFIX)) return false;
          handleEditorRequest(req, res, url).catch((error: unknown) => {
            const status = error instanceof EditorRequestError ? error.status : 500;
            const message = error instanceof EditorRequestError ? error.message : '编辑台内部出错，请重试；如果一直出错，请关闭后重新运行 npm run edit。';
            if (!(error instanceof EditorRequestError)) server.config.logger.error(String((error as Error)?.stack ?? error));
            if (!res.headersSent) sendRefusal(req, res, status, message);
          });
          return true;
        };

        const onUpgrade = (req: IncomingMessage, socket: Duplex): boolean => {
          const verdict = guardRequest(req, session(), { upgrade: true });
          if (verdict.kind === 'allow') return false;
          refuseUpgrade(socket, verdict.kind === 'refuse' ? verdict.status : 403, verdict.kind === 'refuse' ? verdict.reason : '拒绝访问。');
          return true;
        };

        // A publish builds as `npm run build` does: the editor's token and its own cache left out.
        const { [EDITOR_ENV]: _token, ...buildEnv } = process.env;
        const publishing = publisher(root, { ...buildEnv, HONOR_ROLL_CACHE_DIR: buildCacheDir });
        // A publish or rollback killed half-way is repaired now, not at the next publish.
        void recoverSite({ root, env: buildEnv }).catch(() => {});
        const site = () => ({ root, siteDir: paths.siteDir, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now: readBuildTime(process.env, new Date()) ?? new Date() });
        const uploads = uploadStore();
        let markdown: Promise<(text: string) => Promise<string>> | undefined;
        // The body preview renders with Astro's own Markdown processor, as the page will.
        const renderMarkdown = (text: string) => {
          markdown ??= createMarkdownProcessor().then((processor) => async (body: string) => (await processor.render(body)).code);
          return markdown.then((render) => render(text));
        };

        async function handleEditorRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
          const route = url.pathname.slice(EDITOR_PREFIX.length);
          if (req.method === 'POST') {
            // A save does not wait for the list's check: the site's problems before it are asked
            // for only when the save's own check finds errors.
            const answer = await handlePost(route, req, url);
            // A save or an undo changed files: the list is checked again at once, not only when the watcher notices.
            if (route === 'api/save' || route === 'api/undo' || route === 'api/import') check.invalidate();
            return sendJson(res, answer.status, answer.body);
          }
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new EditorRequestError(405, '不支持这种请求。');
          const { list, siteTitle, problems, base, categories } = await check.get();
          if (route === '') return send(res, 200, 'text/html; charset=utf-8', editorShell({ siteTitle }));
          if (route === 'api/image') {
            // An entry's own picture, for its form: only a file next to the entry, inside the content folder.
            const collection = url.searchParams.get('collection') ?? '';
            const file = isCollectionName(collection) ? entryImage(site(), collection, url.searchParams.get('id') ?? '') : undefined;
            if (!file) throw new EditorRequestError(404, '这个条目没有图片。');
            const bytes = readFileSync(file);
            res.writeHead(200, { ...EDITOR_HEADERS, 'Content-Type': IMAGE_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': bytes.byteLength });
            return void res.end(bytes);
          }
          if (route === 'api/upload') {
            const upload = uploads.get(url.searchParams.get('upload') ?? '');
            if (!upload) throw new EditorRequestError(404, '上传的图片已失效，请重新选择图片。');
            res.writeHead(200, { ...EDITOR_HEADERS, 'Content-Type': upload.extension === 'png' ? 'image/png' : 'image/jpeg', 'Content-Length': upload.bytes.byteLength });
            return void res.end(upload.bytes);
          }
          const answer =
            route === 'api/entries'
              ? entriesResponse(url.searchParams, list)
              : route === 'api/entry'
                ? entryAnswer(url.searchParams, site(), { base, problems })
                : route === 'api/form'
                  ? formAnswer(url.searchParams, { categories })
                  : route === 'api/options'
                    ? optionsAnswer(url.searchParams, site())
                    : route === 'api/tags'
                      ? tagsAnswer(url.searchParams, site())
                      : route === 'api/publish'
                        ? publishing.state()
                        : route === 'api/import'
                          ? importChoicesAnswer()
                          : undefined;
          if (!answer) throw new EditorRequestError(404, '编辑台没有这个页面。');
          sendJson(res, answer.status, answer.body);
        }

        async function handlePost(route: string, req: IncomingMessage, url: URL) {
          if (route === 'api/photo') {
            const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
            return photoAnswer(url.searchParams, name, await readRequestBody(req, MAX_UPLOAD_BYTES, `图片太大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）：请先在手机或电脑上缩小后再上传`), uploads);
          }
          if (route === 'api/docx') {
            const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
            return docxAnswer(url.searchParams, name, await readRequestBody(req, MAX_UPLOAD_BYTES, `Word 文档太大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）：请先在 Word 中压缩图片（选中图片 →“压缩图片”）`), uploads);
          }
          if (route === 'api/import') {
            const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
            const bytes = await readRequestBody(req, MAX_UPLOAD_BYTES, `表格文件太大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）：请分成几个表格导入`);
            const config = loadSiteConfig(paths.configFile, { root, publicDir });
            return importAnswer(url.searchParams, name, bytes, {
              ...site(),
              privacyAllow: config.ok ? config.config.privacy.allow : [],
              siteConfig: config.ok ? { config: config.config, file: displayPath(root, paths.configFile) } : undefined,
            });
          }
          const json = parseJson(await readRequestBody(req, MAX_JSON_BYTES, '提交的内容太多：正文请控制在 1 MB 以内'));
          if (route === 'api/publish') return publishing.start();
          if (route === 'api/rollback') return publishing.rollback();
          if (route === 'api/save') {
            const config = loadSiteConfig(paths.configFile, { root, publicDir });
            const base = config.ok ? config.config.base : '/';
            return saveAnswer(json, site(), { base, problems: () => check.get().then((c) => c.problems), uploads });
          }
          if (route === 'api/undo') return undoAnswer(json, site());
          if (route === 'api/body-preview') return bodyPreviewAnswer(json, renderMarkdown);
          throw new EditorRequestError(404, '编辑台没有这个功能。');
        }

        guardServer(httpServer, onRequest, onUpgrade);
        // The first page opens without waiting for the check.
        httpServer.once('listening', () => void check.get().catch(() => {}));
      },
    },
  };
}
