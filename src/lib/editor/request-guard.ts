/**
 * Who may talk to the 编辑台. The editor is a dev server on the clerk's PC that reads and (later)
 * writes the unit's content, so every request — its own pages and API, Astro's pages, Vite's
 * modules and files, the HMR websocket — is judged here before anything else sees it:
 *
 * - DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 reaches the
 *   editor with `Host: evil.example:4322`. Only the editor's own names are accepted.
 * - Cross-site requests: a page elsewhere can make the browser send requests (forms, images,
 *   `fetch` without CORS). They carry a foreign `Origin`, or `Sec-Fetch-Site: cross-site`.
 *   Other ports of 127.0.0.1 are the *same site* (a site ignores the port), so a SameSite cookie
 *   does not keep them out: `same-site` is refused as well.
 * - Other programs and users of the same PC: the session token, printed once in the terminal.
 *   The first visit trades it for an HttpOnly, SameSite=Strict cookie and is redirected to an
 *   address without it, so the token does not stay in the address bar or the history.
 *
 * Pure: no I/O. The caller turns the verdict into a response.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The part of a request the guard looks at (Node's `IncomingMessage` fits). */
export interface GuardRequest {
  method?: string | undefined;
  /** The request target as received: path and query (`/__editor/?token=…`). */
  url?: string | undefined;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Where the request came from: only this PC may ask, whatever interface the server listens on. */
  socket?: { remoteAddress?: string | undefined } | undefined;
}

/** The running editor: the port it listens on (127.0.0.1 only) and this run's token. */
export interface EditorSession {
  port: number;
  token: string;
}

export type GuardVerdict =
  | { kind: 'allow' }
  | { kind: 'refuse'; status: 400 | 403; reason: string }
  /** The first visit: set the cookie and load the same address without the token. */
  | { kind: 'redirect'; status: 303; location: string; setCookie?: string };

/** The query parameter of the printed address. */
export const TOKEN_PARAMETER = 'token';

/** 32 random bytes in base64url: 43 characters of `A–Z a–z 0–9 - _`. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Methods that only read. Everything else changes state and must come from the editor's own page. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The session cookie's name. Cookies are not kept apart by port, so two editors (or an editor and
 * another local tool) on 127.0.0.1 would overwrite each other's cookie under one shared name.
 */
export function cookieName(port: number): string {
  return `honor_roll_editor_${port}`;
}

/** The names the editor answers to. `[::1]` is not one: the editor listens on IPv4 loopback only. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The address printed in the terminal, the only way in. */
export function editorAddress({ port, token }: EditorSession): string {
  return `http://127.0.0.1:${port}/__editor/?${TOKEN_PARAMETER}=${token}`;
}

const refuse = (status: 400 | 403, reason: string): GuardVerdict => ({ kind: 'refuse', status, reason });

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
function isLoopback(address: string): boolean {
  return /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/i.test(address) || address === '::1';
}

/** One value of a header; a header sent twice counts as absent-and-suspicious (`null`). */
function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

/**
 * Compares two secrets in constant time whatever their lengths: both are hashed first, so neither
 * the length nor the first differing character shows in the time taken.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The values of the cookie `name` in a `Cookie` header (a browser may send one name twice). */
function cookieValues(header: string | string[] | undefined, name: string): string[] {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

/**
 * Whether the path tries to leave where it points: `..` segments (also percent-encoded), a
 * backslash (a separator on Windows), NUL or other control characters. Browsers resolve dot
 * segments before sending, so no real page of the editor or the site asks for one.
 */
function unsafePath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\\x00-\x1f\x7f]/.test(decoded)) return true;
  return decoded.split('/').some((segment) => segment === '..' || segment === '.');
}

/**
 * Decides whether a request to the editor is allowed.
 *
 * @param request method, target and headers as received
 * @param session the port the editor listens on and this run's token
 * @param options `upgrade`: a websocket handshake (Vite's HMR). Its `?token=` is Vite's own
 *   websocket token, not ours, so only the cookie counts there.
 */
export function guardRequest(request: GuardRequest, session: EditorSession, options: { upgrade?: boolean } = {}): GuardVerdict {
  const method = (request.method ?? '').toUpperCase();
  const target = request.url ?? '';
  const restart = `请打开终端中显示的地址（http://127.0.0.1:${session.port}/__editor/?token=…），或重新运行 npm run edit。`;

  // Only origin-form targets (`/path?query`): not `http://other/` (proxy form) nor `*`.
  const remote = request.socket?.remoteAddress;
  if (remote !== undefined && !isLoopback(remote)) return refuse(403, '拒绝访问：编辑台只接受本机的请求。');
  if (!target.startsWith('/') || target.startsWith('//')) return refuse(400, '请求的地址格式不正确。');
  const url = new URL(target, 'http://editor.invalid');
  if (unsafePath(target.split('?')[0] ?? '')) return refuse(400, '请求的路径不合法（含有 ..、反斜杠或控制字符）。');

  const host = single(request.headers.host);
  if (!host || !allowedHosts(session.port).includes(host)) {
    return refuse(403, `拒绝访问：“${host ?? '（无）'}”不是编辑台的地址。${restart}`);
  }

  const origin = single(request.headers.origin);
  const ownOrigin = `http://${host}`;
  if (origin === null || (origin !== undefined && origin !== ownOrigin)) {
    return refuse(403, `拒绝访问：请求来自其他网页（${origin === 'null' ? '来源不明' : (origin ?? '来源不明')}）。编辑台只接受它自己页面发出的请求。`);
  }
  if (origin === undefined) {
    // Browsers that send no Origin (a plain link, an <img>) still say where the request came from.
    const site = single(request.headers['sec-fetch-site']);
    if (site === null || site === 'cross-site' || site === 'same-site') {
      return refuse(403, '拒绝访问：请求来自其他网页。编辑台只接受它自己页面发出的请求。');
    }
    if (!SAFE_METHODS.has(method)) return refuse(403, '拒绝访问：修改内容的请求必须来自编辑台自己的页面。');
  }

  const name = cookieName(session.port);
  const hasCookie = cookieValues(request.headers.cookie, name).some((value) => sameSecret(value, session.token));
  const given = options.upgrade ? null : url.searchParams.get(TOKEN_PARAMETER);
  if (given !== null && SAFE_METHODS.has(method)) {
    const valid = sameSecret(given, session.token);
    if (!valid && !hasCookie) return refuse(403, `访问令牌不正确或已失效。${restart}`);
    // Load the same address without the token; a stale token beside a valid cookie is only dropped.
    url.searchParams.delete(TOKEN_PARAMETER);
    const location = `${url.pathname}${url.search}`;
    return valid
      ? { kind: 'redirect', status: 303, location, setCookie: `${name}=${session.token}; Path=/; HttpOnly; SameSite=Strict` }
      : { kind: 'redirect', status: 303, location };
  }
  if (!hasCookie) return refuse(403, `缺少访问令牌，或编辑台已重新启动。${restart}`);
  return { kind: 'allow' };
}
