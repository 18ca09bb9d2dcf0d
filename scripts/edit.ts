/**
 * `npm run edit`: starts the 编辑台, the local web editor, and opens it in the browser.
 *   --no-open   only print the address (tests; a PC whose browser cannot be started this way)
 *
 * Astro's dev server runs in this process on 127.0.0.1 only, port 4322 or the next free one, with
 * this run's random token in HONOR_ROLL_EDITOR (which adds the editor integration, see
 * src/integrations/editor.ts). The clerk sees one short block in Chinese: no English banner, no
 * update check, no telemetry (the PC may be offline). HONOR_ROLL_SITE and the other variables
 * work as for `npm run dev`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dev } from 'astro';
import { EDITOR_ENV } from '../src/lib/editor/env';
import { editorAddress } from '../src/lib/editor/request-guard';
import { fail } from './cli';

/** One above Astro's own 4321, so the editor and `npm run dev` or `preview` can run together. */
const PREFERRED_PORT = 4322;

const root = fileURLToPath(new URL('..', import.meta.url));
const token = randomBytes(32).toString('base64url');
process.env[EDITOR_ENV] = token;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

/** Opens the address in the default browser; when that fails the printed address is the way in. */
function openBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    // The token holds only [A-Za-z0-9_-]: nothing in the address means anything to cmd.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to start: the address is printed below.
  }
}

let server: Awaited<ReturnType<typeof dev>>;
try {
  // Vite takes the next port when 4322 is taken; the address below is the one it got.
  server = await dev({ root, logLevel: 'error', server: { host: '127.0.0.1', port: PREFERRED_PORT }, devToolbar: { enabled: false } });
} catch (error) {
  fail(`编辑台没有启动：${error instanceof Error ? error.message : String(error)}`, '按上面的说明修改后，重新运行 npm run edit');
}

const address = editorAddress({ port: server.address.port, token });
if (!process.argv.includes('--no-open')) openBrowser(address);
console.log(['', '编辑台已启动', `请在浏览器中打开：${address}`, '按 Ctrl+C 关闭', ''].join('\n'));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
