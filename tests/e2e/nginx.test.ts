/**
 * The shipped nginx configuration (deploy/nginx) serving the built sample site: a real nginx
 * from Debian on loopback, checked for the security headers, caching, compression and the 404 page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../build/harness';
import { outDir } from './site';

const PORT = 4393;
let nginx: ChildProcess | undefined;

/** A GET with chosen headers; the body as bytes, not decoded, so compression is visible. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: pathname, headers }, (res) => {
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
  const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-nginx-'));
  mkdirSync(path.join(work, 'conf.d'));
  mkdirSync(path.join(work, 'logs'));
  // The shipped server block, pointed at the built sample site and a loopback port.
  const server = readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx', 'honor-roll.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${PORT};`)
    .replace('root /srv/honor-roll/dist;', `root ${outDir};`);
  writeFileSync(path.join(work, 'conf.d', 'honor-roll.conf'), server);
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
      expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'");
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
