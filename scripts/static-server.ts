/**
 * A small static file server for a built site, used by the browser tests and the benchmark: the
 * site is served under its base path, text is gzip-compressed as a real server would, unknown
 * addresses get the site's 404 page. Not for production use.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg']);

export interface StaticServer {
  url: string;
  /** Every response so far: path and bytes sent (after compression), in order. */
  log: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/** Serves `dir` at http://127.0.0.1:<port><base>. Port 0 picks a free port. */
export function serveStatic(dir: string, { base = '/', port = 0 }: { base?: string; port?: number } = {}): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const log: StaticServer['log'] = [];
  const server: Server = createServer((request, response) => {
    // Count what goes over the wire, whoever asks: pages, scripts, and Pagefind's web worker.
    let sent = 0;
    const write = response.write.bind(response);
    response.write = ((chunk: Buffer | string, ...rest: never[]) => {
      sent += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.on('finish', () => log.push({ path: request.url ?? '', bytes: sent }));
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const send = (file: string, status: number) => {
      const ext = path.extname(file).toLowerCase();
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(status, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        ...(gzip ? { 'content-encoding': 'gzip' } : { 'content-length': statSync(file).size }),
      });
      const stream = createReadStream(file);
      (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
    };
    const notFound = () => {
      const page = path.join(dir, '404.html');
      if (existsSync(page)) send(page, 404);
      else response.writeHead(404).end();
    };
    if (!pathname.startsWith(prefix)) return notFound();
    pathname = pathname.slice(prefix.length);
    const file = path.resolve(dir, pathname);
    if (!file.startsWith(path.resolve(dir))) return notFound();
    if (existsSync(file) && statSync(file).isFile()) return send(file, 200);
    const index = path.join(file, 'index.html');
    if (existsSync(index)) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      return send(index, 200);
    }
    return notFound();
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}${prefix}`,
        log,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
