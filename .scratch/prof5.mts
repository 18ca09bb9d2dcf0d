import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'node-html-parser';
const D = '/tmp/bd';
const pages = readdirSync(`${D}/officers`).slice(0, 300).map((id) => { try { return readFileSync(`${D}/officers/${id}/index.html`, 'utf8'); } catch { return ''; } }).filter(Boolean);
const time = (k: string, fn: (h: string) => unknown) => { const s = performance.now(); for (const h of pages) fn(h); console.log(k, ((performance.now() - s) / pages.length).toFixed(3)); };
time('default', (h) => parse(h, { comment: false }));
time('no script text', (h) => parse(h, { comment: false, blockTextElements: { pre: true } }));
time('body only', (h) => parse(h.slice(h.indexOf('<body')), { comment: false, blockTextElements: { pre: true } }));
