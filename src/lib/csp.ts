/**
 * A Content-Security-Policy for each built page, without 'unsafe-inline' or 'unsafe-eval': every
 * inline script and style of the page is allowed by its own SHA-256 hash, everything else must
 * come from the site itself. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval' — and only
 * that. Headers a <meta> cannot carry (frame-ancestors, HSTS) are set by the server (deploy/).
 */
import { createHash } from 'node:crypto';

/** SHA-256 of a script or style text, in CSP source form: 'sha256-…'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The texts of the inline <script> and <style> elements of an HTML page, as the browser hashes them. */
export function inlineBlocks(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\btype=["']?(application\/(ld\+)?json)/i.test(m[0]))
    .map((m) => m[1]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  return { scripts, styles };
}

/** The policy of one page. */
export function pagePolicy(html: string): string {
  const { scripts, styles } = inlineBlocks(html);
  const hashes = (texts: string[]) => [...new Set(texts.map(cspHash))].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scripts.length ? ` ${hashes(scripts)}` : ''}`,
    `style-src 'self'${styles.length ? ` ${hashes(styles)}` : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ].join('; ');
}

/** The page with its policy as the first element of <head>, before any script or style it governs. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(html)}">`;
  return html.replace(/<head>/i, (head) => `${head}${meta}`);
}
