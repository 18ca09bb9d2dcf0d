import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, guardFile } from '../src/lib/guard-site';
import { inspectFile } from '../src/lib/published-file';
import { findInText } from '../src/lib/privacy-scan';
const dir = process.argv[2]!;
const files = filesUnder(dir);
const rules = { canaries: [], allow: [], originals: new Set<string>() };
const t: Record<string, number> = {};
const add = (k: string, ms: number) => (t[k] = (t[k] ?? 0) + ms);
for (const f of files) {
  const bytes = readFileSync(path.join(dir, f));
  const ext = path.extname(f) || 'none';
  let s = performance.now();
  const ins = await inspectFile(f, bytes);
  add(`inspect ${ext}`, performance.now() - s);
  s = performance.now();
  for (const text of ins.texts) findInText(f, text.text, rules);
  add(`scan ${ext}`, performance.now() - s);
}
console.log(files.length, Object.entries(t).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v.toFixed(0)}`).join('\n'));
