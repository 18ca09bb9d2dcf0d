/**
 * Every custom property a stylesheet uses is defined: in the same stylesheet, or by the layouts'
 * palette (`paletteDeclarations`). An undefined `var(--c-bg)` made the header's 搜索 button
 * transparent on every page while the browser tests passed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paletteDeclarations, themePalette } from '../../src/lib/color';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** Every stylesheet and every component with a <style> block. */
const styled = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.(css|astro)$/.test(f))
  .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(SRC, f), 'utf8') }))
  .filter(({ text }) => text.includes('var(--'));

const fromPalette = new Set(paletteDeclarations(themePalette('#1f4e9c').normal).split(';').map((d) => d.split(':')[0]!));

/** Names used as `var(--name)` without a fallback, and names declared as `--name:`. */
function customProperties(text: string) {
  const used = new Set([...text.matchAll(/var\(\s*(--[\w-]+)\s*\)/g)].map((m) => m[1]!));
  const declared = new Set([...text.matchAll(/(?:^|[\s;{])(--[\w-]+)\s*:/gm)].map((m) => m[1]!));
  return { used, declared };
}

describe('custom properties', () => {
  it('finds the stylesheets to check', () => {
    expect(styled.map((s) => s.file)).toEqual(expect.arrayContaining(['styles/global.css', 'styles/poster.css', 'editor/editor.css']));
  });

  it.each(styled.map((s) => [s.file, s.text] as const))('%s uses only defined custom properties', (_file, text) => {
    const { used, declared } = customProperties(text);
    const undefinedNames = [...used].filter((name) => !declared.has(name) && !fromPalette.has(name));
    expect(undefinedNames).toEqual([]);
  });

  it('would have caught the undefined --c-bg', () => {
    const { used, declared } = customProperties('.search button { background: var(--c-bg); }');
    expect([...used].filter((name) => !declared.has(name) && !fromPalette.has(name))).toEqual(['--c-bg']);
  });

  it('names the palette roles as the stylesheets write them', () => {
    expect([...fromPalette].sort()).toEqual(['--c-background', '--c-banner', '--c-border', '--c-link', '--c-muted', '--c-on-theme', '--c-surface', '--c-text', '--c-theme']);
  });
});
