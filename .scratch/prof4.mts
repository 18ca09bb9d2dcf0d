import { readFileSync, readdirSync } from 'node:fs';
import { normalizeText } from '../src/lib/normalize-text';
import { findPii } from '../src/lib/pii';
import { findCanaryHits, readingOf, leakCanaries } from '../src/lib/leak-canaries';
import { pageText } from '../src/lib/page-text';
const D = process.argv[2]!;
const pages = readdirSync(`${D}/officers`).slice(0, 300).map((id) => { try { return readFileSync(`${D}/officers/${id}/index.html`, 'utf8'); } catch { return ''; } }).filter(Boolean);
const excluded = Array.from({ length: 500 }, (_, i) => ({ collection: 'officers' as const, id: `hidden-person-${i}`, data: { name: `隐藏${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e10 + i)}`, summary: `这是一个很长的未公开简介第${i}号` } }));
const canaries = leakCanaries(excluded, []);
const t: Record<string, number> = {};
const time = (k: string, fn: () => unknown) => { const s = performance.now(); const r = fn(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
for (const html of pages) {
  const plain = time('normalize', () => normalizeText(html, { origins: false }).text) as string;
  time('pii', () => findPii(plain, [], { text: plain, origin: null }));
  time('source canaries', () => findCanaryHits(plain, canaries, 'source'));
  const r = time('readingOf', () => readingOf(plain)) as string;
  time('reading canaries', () => findCanaryHits(r, canaries, 'reading'));
  const p = time('pageText', () => pageText(html)) as string;
  const pn = time('normalize page', () => normalizeText(p, { origins: false }).text) as string;
  time('pii page', () => findPii(pn, [], { text: pn, origin: null }));
  time('reading page', () => findCanaryHits(readingOf(pn), canaries, 'reading'));
}
console.log(pages.length, Object.entries(t).map(([k, v]) => `${k}: ${(v / pages.length).toFixed(3)} ms`).join('\n'));
