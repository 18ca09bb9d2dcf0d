import { readFileSync } from 'node:fs';
import { inspectFile } from '../src/lib/published-file';
const r = await inspectFile('favicon.svg', readFileSync('/work/main/public/favicon.svg'));
console.log(r.kind, r.texts, r.problems);
