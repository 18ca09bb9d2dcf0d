import { describe, expect, it } from 'vitest';
import { cookieName, editorAddress, guardRequest, sameSecret, TOKEN_PATTERN, type GuardRequest } from '../../../src/lib/editor/request-guard';

const session = { port: 4322, token: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE' };
const cookie = `${cookieName(4322)}=${session.token}`;

/** A request as the editor's own page sends it, with `changes` applied (undefined removes a header). */
function request(changes: { method?: string; url?: string; headers?: Record<string, string | string[] | undefined> } = {}): GuardRequest {
  const headers: Record<string, string | string[] | undefined> = { host: '127.0.0.1:4322', cookie, ...changes.headers };
  for (const [key, value] of Object.entries(headers)) if (value === undefined) delete headers[key];
  return { method: changes.method ?? 'GET', url: changes.url ?? '/__editor/', headers };
}

const verdictOf = (changes: Parameters<typeof request>[0], options?: { upgrade?: boolean }) => guardRequest(request(changes), session, options);
const statusOf = (changes: Parameters<typeof request>[0], options?: { upgrade?: boolean }) => {
  const verdict = verdictOf(changes, options);
  return verdict.kind === 'refuse' ? verdict.status : verdict.kind;
};

describe('guardRequest: the editor answers its own pages only', () => {
  it('the test token has the shape of a real one', () => {
    expect(session.token).toMatch(TOKEN_PATTERN);
  });

  it('allows a page request carrying the session cookie', () => {
    expect(verdictOf({})).toEqual({ kind: 'allow' });
    expect(verdictOf({ headers: { host: 'localhost:4322' } })).toEqual({ kind: 'allow' });
    expect(verdictOf({ headers: { 'sec-fetch-site': 'same-origin' } })).toEqual({ kind: 'allow' });
    expect(verdictOf({ headers: { 'sec-fetch-site': 'none' } })).toEqual({ kind: 'allow' });
  });

  it.each([
    ['a foreign name (DNS rebinding)', 'evil.example:4322'],
    ['a foreign name on port 80', 'evil.example'],
    ['IPv6 loopback: the editor listens on IPv4 only', '[::1]:4322'],
    ['localhost with a trailing dot, which DNS may answer', 'localhost.:4322'],
    ['127.0.0.1 with a trailing dot', '127.0.0.1.:4322'],
    ['another port', '127.0.0.1:4323'],
    ['the same port written with a leading zero', '127.0.0.1:04322'],
    ['no port', '127.0.0.1'],
    ['a look-alike address', '127.0.0.2:4322'],
    ['0.0.0.0', '0.0.0.0:4322'],
    ['a name that starts like localhost', 'localhost.evil.example:4322'],
    ['an empty Host', ''],
  ])('refuses %s', (_name, host) => {
    const verdict = verdictOf({ headers: { host } });
    expect(verdict).toMatchObject({ kind: 'refuse', status: 403 });
    expect(verdict.kind === 'refuse' && verdict.reason).toContain('不是编辑台的地址');
  });

  it.each(['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', 'fe80::1'])('refuses a request from another machine (%s)', (remoteAddress) => {
    const verdict = guardRequest({ ...request(), socket: { remoteAddress } }, session);
    expect(verdict).toMatchObject({ kind: 'refuse', status: 403, reason: expect.stringContaining('只接受本机') });
  });

  it.each(['127.0.0.1', '::ffff:127.0.0.1', '::1'])('accepts a request from this machine (%s)', (remoteAddress) => {
    expect(guardRequest({ ...request(), socket: { remoteAddress } }, session)).toEqual({ kind: 'allow' });
  });

  it('refuses a request without Host, and one with two', () => {
    expect(statusOf({ headers: { host: undefined } })).toBe(403);
    expect(statusOf({ headers: { host: ['127.0.0.1:4322', 'evil.example:4322'] } })).toBe(403);
  });

  it.each([
    ['a foreign site', 'https://evil.example'],
    ['the null origin of a sandboxed frame or a file', 'null'],
    ['another local port', 'http://127.0.0.1:8080'],
    ['the other loopback name', 'http://localhost:4322'],
    ['https on the same port', 'https://127.0.0.1:4322'],
    ['a trailing slash', 'http://127.0.0.1:4322/'],
  ])('refuses an Origin from %s', (_name, origin) => {
    const verdict = verdictOf({ headers: { origin } });
    expect(verdict).toMatchObject({ kind: 'refuse', status: 403 });
    expect(verdict.kind === 'refuse' && verdict.reason).toContain('其他网页');
  });

  it('names the unknown origin in the reason', () => {
    const verdict = verdictOf({ headers: { origin: 'null' } });
    expect(verdict.kind === 'refuse' && verdict.reason).toContain('来源不明');
  });

  it('allows its own Origin', () => {
    expect(verdictOf({ headers: { origin: 'http://127.0.0.1:4322' } })).toEqual({ kind: 'allow' });
    expect(verdictOf({ headers: { host: 'localhost:4322', origin: 'http://localhost:4322' } })).toEqual({ kind: 'allow' });
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s when there is no Origin', (site) => {
    expect(statusOf({ headers: { 'sec-fetch-site': site } })).toBe(403);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s without Origin, allows it with its own Origin', (method) => {
    const refused = verdictOf({ method, url: '/__editor/api/entries' });
    expect(refused).toMatchObject({ kind: 'refuse', status: 403 });
    expect(refused.kind === 'refuse' && refused.reason).toContain('修改内容的请求');
    expect(verdictOf({ method, url: '/__editor/api/entries', headers: { origin: 'http://127.0.0.1:4322' } })).toEqual({ kind: 'allow' });
  });

  it('refuses a request without the token or the cookie', () => {
    const verdict = verdictOf({ headers: { cookie: undefined } });
    expect(verdict).toMatchObject({ kind: 'refuse', status: 403 });
    expect(verdict.kind === 'refuse' && verdict.reason).toContain('缺少访问令牌');
  });

  it.each([
    ['a wrong token of the same length', 'x'.repeat(43)],
    ['the token in another case', session.token.toLowerCase()],
    ['the token cut short', session.token.slice(0, 42)],
    ['the token with one more character', `${session.token}A`],
    ['an empty token', ''],
  ])('refuses %s, in the address and in the cookie', (_name, token) => {
    const inAddress = verdictOf({ url: `/__editor/?token=${encodeURIComponent(token)}`, headers: { cookie: undefined } });
    expect(inAddress).toMatchObject({ kind: 'refuse', status: 403 });
    expect(inAddress.kind === 'refuse' && inAddress.reason).toContain('访问令牌不正确');
    expect(statusOf({ headers: { cookie: `${cookieName(4322)}=${token}` } })).toBe(403);
  });

  it('refuses the right token in the cookie of another port', () => {
    expect(statusOf({ headers: { cookie: `${cookieName(4323)}=${session.token}` } })).toBe(403);
  });

  it('finds its cookie among others', () => {
    expect(statusOf({ headers: { cookie: `a=1; ${cookie}; b=2` } })).toBe('allow');
  });

  it('trades the printed token for a cookie and loads the address without it', () => {
    const verdict = verdictOf({ url: `/__editor/?collection=officers&token=${session.token}&q=wx`, headers: { cookie: undefined } });
    expect(verdict).toEqual({
      kind: 'redirect',
      status: 303,
      location: '/__editor/?collection=officers&q=wx',
      setCookie: `honor_roll_editor_4322=${session.token}; Path=/; HttpOnly; SameSite=Strict`,
    });
  });

  it('the printed address carries the token and works on a first visit', () => {
    const address = new URL(editorAddress(session));
    expect(address.host).toBe('127.0.0.1:4322');
    const verdict = verdictOf({ url: `${address.pathname}${address.search}`, headers: { cookie: undefined } });
    expect(verdict).toMatchObject({ kind: 'redirect', location: '/__editor/' });
  });

  it('drops a stale token from the address when the cookie is valid, without setting a cookie', () => {
    expect(verdictOf({ url: `/__editor/?token=${'y'.repeat(43)}` })).toEqual({ kind: 'redirect', status: 303, location: '/__editor/' });
  });

  it('does not trade a token on a POST', () => {
    expect(statusOf({ method: 'POST', url: `/__editor/api/x?token=${session.token}`, headers: { cookie: undefined, origin: 'http://127.0.0.1:4322' } })).toBe(403);
  });

  it("reads a websocket handshake's ?token= as Vite's, not as the session token", () => {
    const upgrade = { url: '/?token=vite-websocket-token', headers: { origin: 'http://127.0.0.1:4322' } };
    expect(verdictOf(upgrade, { upgrade: true })).toEqual({ kind: 'allow' });
    expect(statusOf({ ...upgrade, headers: { ...upgrade.headers, cookie: undefined } }, { upgrade: true })).toBe(403);
    expect(statusOf({ ...upgrade, headers: { origin: 'https://evil.example' } }, { upgrade: true })).toBe(403);
  });

  it.each([
    ['a dot-dot segment', '/@fs/../../etc/passwd'],
    ['a percent-encoded dot-dot', '/@fs/%2e%2e/etc/passwd'],
    ['a percent-encoded dot-dot in upper case', '/__editor/%2E%2E/%2E%2E/etc/passwd'],
    ['a percent-encoded slash around dot-dot', '/__editor/..%2f..%2fetc%2fpasswd'],
    ['a backslash', '/__editor/..\\..\\windows'],
    ['an encoded backslash', '/__editor/%5c..%5cwindows'],
    ['NUL', '/__editor/a%00.md'],
    ['malformed percent-encoding', '/__editor/%E0%A4%A'],
    ['a proxy-form target', 'http://evil.example/'],
    ['a protocol-relative target', '//evil.example/'],
    ['an asterisk target', '*'],
  ])('refuses a path with %s before anything else', (_name, url) => {
    expect(statusOf({ url })).toBe(400);
  });

  it('lets dots inside names through', () => {
    expect(statusOf({ url: '/src/editor/main.ts?v=1.2' })).toBe('allow');
    expect(statusOf({ url: '/officers/wang-xiang/..hidden' })).toBe('allow');
  });
});

describe('sameSecret', () => {
  it('is exact: length and case count', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'ABC')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});
