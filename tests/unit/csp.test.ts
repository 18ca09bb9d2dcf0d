import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, inlineBlocks, pagePolicy, withPolicy } from '../../src/lib/csp';

const page = `<!doctype html><html><head><style>:root{--c:#000}</style><script>var a=1;</script><script type="module" src="/_astro/x.js"></script></head><body><script type="module">b()</script></body></html>`;

describe('the Content-Security-Policy of a page', () => {
  it('hashes the exact text of each inline script and style, and ignores external ones', () => {
    expect(inlineBlocks(page)).toEqual({ scripts: ['var a=1;', 'b()'], styles: [':root{--c:#000}'] });
    expect(cspHash('var a=1;')).toBe(`'sha256-${createHash('sha256').update('var a=1;').digest('base64')}'`);
  });

  it('allows inline code only by hash, never with unsafe-inline or unsafe-eval', () => {
    const policy = pagePolicy(page);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${cspHash('var a=1;')} ${cspHash('b()')}`);
    expect(policy).toContain(`style-src 'self' ${cspHash(':root{--c:#000}')}`);
    expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(policy).toContain("object-src 'none'");
  });

  it('puts the policy first in <head>, before the code it governs', () => {
    expect(withPolicy(page)).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; [^"]+"><style>/);
  });
});
