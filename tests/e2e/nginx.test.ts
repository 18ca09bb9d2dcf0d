/**
 * The shipped nginx configuration (deploy/nginx) serving the built sample site: a real nginx
 * from Debian on loopback, checked for the security headers, caching, compression and the 404 page,
 * and in Chromium for what the Content-Security-Policy header does to files opened directly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { PROJECT_ROOT } from '../build/harness';
import { launchBrowser } from './browser';
import { freePort } from './free-port';
import { newContext, outDir, withPage } from './site';

/** The shipped configuration's server, over the built sample site. */
let sitePort = 0;
/** A second server of the same configuration, over a folder of hostile files. */
let hostilePort = 0;
let nginx: ChildProcess | undefined;
let work: string;

/** The policy of every response that is not an HTML page. */
const STRICT = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox; frame-ancestors 'none'";
/** A script's policy matters only to a Web Worker (Pagefind's): this site's scripts, data and WebAssembly. */
const WORKER = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/** HTML pages carry their own policy in a <meta>; the header adds only what a <meta> cannot say. */
const PAGE = "frame-ancestors 'none'";

/**
 * An SVG as an attacker would upload it: a script and an onload handler that, if they ran,
 * would retitle the document and call home to the server.
 */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="document.title='pwned-onload';fetch('/called-home?onload')">
  <title>harmless</title>
  <rect width="100" height="100" style="fill:#336"/>
  <script>document.title = 'pwned'; fetch('/called-home?script'); new Image().src = '/called-home?image';</script>
</svg>
`;

/** A GET with chosen headers; the body as bytes, not decoded, so compression is visible. */
function get(
  pathname: string,
  headers: Record<string, string> = {},
  port = sitePort,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const binary = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!binary) throw new Error('nginx is not installed: apt-get install nginx (.ci/run installs it)');
  work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-nginx-'));
  // Ports nobody holds: a fixed one might be another program's, whose answers the tests would read.
  sitePort = await freePort();
  do hostilePort = await freePort();
  while (hostilePort === sitePort);
  mkdirSync(path.join(work, 'conf.d'));
  mkdirSync(path.join(work, 'logs'));
  const hostileRoot = path.join(work, 'hostile');
  mkdirSync(hostileRoot);
  writeFileSync(path.join(hostileRoot, 'hostile.svg'), HOSTILE_SVG);
  writeFileSync(path.join(hostileRoot, 'shows.html'), '<!doctype html><html lang="en"><title>shows</title><img src="hostile.svg" width="100" height="100" alt="">');
  // The shipped configuration, pointed at the built sample site and a loopback port; then its
  // server block once more (the map at the top may be defined only once) over the hostile files.
  const shipped = readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx', 'honor-roll.conf'), 'utf8');
  const serverBlock = shipped.slice(shipped.search(/^server \{/m));
  const pointed = (text: string, port: number, root: string) =>
    text.replace('listen 80;', `listen 127.0.0.1:${port};`).replace('root /srv/honor-roll/dist;', `root ${root};`);
  writeFileSync(path.join(work, 'conf.d', 'honor-roll.conf'), pointed(shipped, sitePort, outDir));
  writeFileSync(path.join(work, 'conf.d', 'hostile.conf'), pointed(serverBlock, hostilePort, hostileRoot));
  writeFileSync(path.join(work, 'conf.d', 'security-headers.conf'), readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx', 'security-headers.conf')));
  writeFileSync(
    path.join(work, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${work}/nginx.pid;`,
      `error_log ${work}/logs/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      `  access_log ${work}/logs/access.log;`,
      `  client_body_temp_path ${work}/logs; proxy_temp_path ${work}/logs; fastcgi_temp_path ${work}/logs; uwsgi_temp_path ${work}/logs; scgi_temp_path ${work}/logs;`,
      `  include ${work}/conf.d/honor-roll.conf;`,
      `  include ${work}/conf.d/hostile.conf;`,
      '}',
    ].join('\n'),
  );
  // `include conf.d/…` inside the server block is relative to the prefix.
  nginx = spawn(binary, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await get('/');
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${readFileSync(path.join(work, 'logs', 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

afterAll(() => {
  nginx?.kill();
});

describe('the site served by nginx with deploy/nginx', () => {
  it('sends the security headers a <meta> cannot carry, on pages and assets alike', async () => {
    for (const pathname of ['/', '/officers/wang-xiang/', '/_astro/' + readFileSync(path.join(outDir, 'search', 'index.html'), 'utf8').match(/_astro\/(search\.[^"]+\.js)/)![1]]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    }
  });

  it('sends the precompressed page to a browser that accepts gzip', async () => {
    const response = await get('/officers/wang-xiang/', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString('utf8')).toContain('<h1>王祥</h1>');
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('caches content-named assets for a year and pages not at all', async () => {
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    const css = readFileSync(path.join(outDir, 'index.html'), 'utf8').match(/\/_astro\/site\.[^"]+\.css/)![0];
    expect((await get(css)).headers['cache-control']).toContain('immutable');
  });

  it('answers an unknown address with the site’s Chinese 404 page and status 404', async () => {
    const response = await get('/officers/no-such-person/');
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).toContain('页面不存在');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not reveal its version', async () => {
    expect((await get('/')).headers.server).toBe('nginx');
  });
});

describe('the Content-Security-Policy header of deploy/nginx', () => {
  /** The first file in a folder of the built sample whose name matches. */
  const fileIn = (dir: string, pattern: RegExp): string => {
    const name = readdirSync(path.join(outDir, dir)).find((f) => pattern.test(f));
    if (!name) throw new Error(`no file matching ${pattern} in ${dir}/ of the sample build`);
    return `/${dir}/${name}`;
  };

  it('sends pages, the 404 page and redirects only frame-ancestors: their own <meta> policy is the one that holds', async () => {
    for (const pathname of ['/', '/officers/wang-xiang/', '/officers/no-such-person/', '/officers']) {
      const response = await get(pathname, { 'accept-encoding': 'gzip' });
      expect(response.headers['content-type'], pathname).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy'], pathname).toBe(PAGE);
    }
  });

  it.each<[kind: string, file: () => string, type: string, headers?: Record<string, string>]>([
    ['an SVG', () => '/favicon.svg', 'image/svg+xml'],
    ['an SVG sent as its gzip copy', () => '/favicon.svg', 'image/svg+xml', { 'accept-encoding': 'gzip' }],
    ['JSON', () => '/pagefind/pagefind-entry.json', 'application/json'],
    ['text', () => '/robots.txt', 'text/plain'],
    ['XML', () => '/rss.xml', 'application/xml'],
    ['a PNG share card', () => '/share/site.png', 'image/png'],
    ['a JPEG share card (a profile with a portrait)', () => fileIn('share/officers', /\.jpg$/), 'image/jpeg'],
    ['a WebP portrait', () => fileIn('_astro', /\.webp$/), 'image/webp'],
    ['a file of no known type', () => fileIn('pagefind/fragment', /\.pf_fragment$/), 'application/octet-stream'],
  ])('sends %s the strict policy under which nothing runs', async (_kind, file, type, headers = {}) => {
    const response = await get(file(), headers);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain(type);
    expect(response.headers['content-security-policy']).toBe(STRICT);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends a script the policy of a worker: this site only, no inline script, no eval but WebAssembly', async () => {
    for (const file of ['/pagefind/pagefind-worker.js', fileIn('_astro', /\.js$/)]) {
      const response = await get(file);
      expect(response.headers['content-type'], file).toContain('application/javascript');
      expect(response.headers['content-security-policy'], file).toBe(WORKER);
    }
  });

  // A 304 carries no Content-Type; the strict policy on it would replace the page's stored one.
  it('sends no policy with a 304, so a revalidated page keeps the one stored with it', async () => {
    const first = await get('/officers/wang-xiang/');
    const again = await get('/officers/wang-xiang/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toBeUndefined();
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let control: StaticServer;
    beforeAll(async () => {
      browser = await launchBrowser();
      // The same hostile files from a server that sends no policy: proves the probe below sees a
      // script that runs.
      control = await serveStatic(path.join(work, 'hostile'));
    });
    afterAll(async () => {
      await browser?.close();
      await control?.close();
    });

    /** Opens a URL; what the document's title became and which requests it made after its own. */
    async function open(url: string): Promise<{ title: string; requests: string[] }> {
      const context = await newContext(browser);
      try {
        return await withPage(context, async (page) => {
          const requests: string[] = [];
          page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
          await page.goto(url);
          await page.waitForLoadState('networkidle');
          return { title: await page.title(), requests: requests.slice(1) };
        });
      } finally {
        await context.close();
      }
    }

    it('runs nothing in an SVG opened directly: neither its script nor its onload handler, and it calls nowhere', async () => {
      const { title, requests } = await open(`http://127.0.0.1:${hostilePort}/hostile.svg`);
      expect(title).toBe('harmless');
      expect(requests).toEqual([]);
      expect(readFileSync(path.join(work, 'logs', 'access.log'), 'utf8')).not.toContain('called-home');
    });

    it('still shows that SVG through <img>, where it runs nothing anyway', async () => {
      const context = await newContext(browser);
      await withPage(context, async (page) => {
        await page.goto(`http://127.0.0.1:${hostilePort}/shows.html`);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(100);
        expect(await page.title()).toBe('shows');
      });
      await context.close();
    });

    it('(the same SVG from a server without the policy does run its script: the probe works)', async () => {
      const { title, requests } = await open(`${control.url}hostile.svg`);
      expect(title).toMatch(/^pwned/);
      expect(requests.some((r) => r.startsWith('/called-home'))).toBe(true);
    });

    it('still shows the site’s pages with their styles, scripts and images, also when revalidated (304)', async () => {
      const context = await newContext(browser);
      await withPage(context, async (page) => {
        await page.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
        });
        for (const visit of ['first', 'revalidated']) {
          await page.goto(`http://127.0.0.1:${sitePort}/officers/wang-xiang/`);
          await page.waitForLoadState('networkidle');
          // The site's stylesheet applied, the share script revealed its buttons, every image loaded
          // so far decoded (lazy ones below the fold are not asked for).
          const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.href?.includes('/_astro/') && s.cssRules.length > 0));
          expect(styled, visit).toBe(true);
          expect(await page.locator('[data-share-copy]').isVisible(), visit).toBe(true);
          const broken = await page.locator('img').evaluateAll((images) => images.filter((i) => (i as HTMLImageElement).complete && !(i as HTMLImageElement).naturalWidth).map((i) => (i as HTMLImageElement).src));
          expect(broken, visit).toEqual([]);
          expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), visit).toEqual([]);
        }
      });
      // The second visit was answered 304 (pages are `no-cache`): the case where a wrong policy
      // would have replaced the stored one.
      expect(readFileSync(path.join(work, 'logs', 'access.log'), 'utf8')).toMatch(/"GET \/officers\/wang-xiang\/ HTTP\/1\.1" 304 /);
      await context.close();
    });

    it('still searches: Pagefind’s worker compiles its WebAssembly and fetches the index under these policies', async () => {
      const context = await newContext(browser);
      await withPage(context, async (page) => {
        await page.goto(`http://127.0.0.1:${sitePort}/search/?q=${encodeURIComponent('夺刀')}`);
        const first = page.locator('.search-result').first();
        await first.waitFor();
        expect(await first.locator('h2 a').getAttribute('href')).toBe('/officers/wang-xiang/');
      });
      await context.close();
    });
  });
});
