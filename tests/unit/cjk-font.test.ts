import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_FONT, cardFontFiles, facesForText, facesForTexts, parseFontFaces, readCardStylesheets, uncoveredCharacters } from '../../src/lib/cjk-font';

const css = `
/* a */
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/x-1-700-normal.woff2) format('woff2'), url(./files/x-1-700-normal.woff) format('woff');
  unicode-range: U+4e00-4e0f,U+738b;
}
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/x-2-700-normal.woff2) format('woff2'), url(./files/x-2-700-normal.woff) format('woff');
  unicode-range: U+0020-007e;
}`;

describe('parseFontFaces', () => {
  it('reads the WOFF file, weight and unicode ranges of each face', () => {
    expect(parseFontFaces(css)).toEqual([
      { file: './files/x-1-700-normal.woff', weight: 700, ranges: [[0x4e00, 0x4e0f], [0x738b, 0x738b]] },
      { file: './files/x-2-700-normal.woff', weight: 700, ranges: [[0x20, 0x7e]] },
    ]);
  });
});

describe('facesForText', () => {
  const faces = parseFontFaces(css);
  it('picks only the faces a text needs', () => {
    expect(facesForText(faces, '王').map((f) => f.file)).toEqual(['./files/x-1-700-normal.woff']);
    expect(facesForText(faces, 'A 一').map((f) => f.file)).toEqual(['./files/x-1-700-normal.woff', './files/x-2-700-normal.woff']);
  });

  it('names the characters no face covers', () => {
    expect(uncoveredCharacters(faces, '王祥 A')).toEqual(['祥']);
  });
});

describe('facesForTexts', () => {
  const regular = css.replaceAll('700', '400');
  const faces = [...parseFontFaces(css), ...parseFontFaces(regular)];
  it('loads a piece only in the weights that draw one of its characters', () => {
    const picked = facesForTexts(faces, [
      { weight: 700, text: '王' },
      { weight: 400, text: 'A' },
    ]);
    expect(picked.map((f) => f.file)).toEqual(['./files/x-1-700-normal.woff', './files/x-2-400-normal.woff']);
  });

  it('loads both weights of a piece whose characters are set in both, once each', () => {
    const picked = facesForTexts(faces, [
      { weight: 700, text: '王一' },
      { weight: 400, text: '一王' },
    ]);
    expect(picked.map((f) => f.file)).toEqual(['./files/x-1-700-normal.woff', './files/x-1-400-normal.woff']);
  });
});

describe('the Noto Sans SC package', () => {
  const dir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/700.css'));
  const faces = parseFontFaces(readFileSync(path.join(dir, '700.css'), 'utf8'));
  it('covers every character of the sample content titles and the common punctuation', () => {
    const text = '泰州市公安局海陵分局巡特警大队 王祥 刁爱清 陈押林 见义勇为表彰 全省优秀人民警察 “流动党建” 9.5万余人次（）：、，。';
    expect(uncoveredCharacters(faces, text)).toEqual([]);
    expect(facesForText(faces, text).length).toBeLessThan(20);
  });
});

describe('cardFontFiles', () => {
  const css = (weight: number, pieces: number[]) =>
    pieces
      .map((piece) => `@font-face {\n  font-family: 'X';\n  font-weight: ${weight};\n  src: url(./files/x-${piece}-${weight}-normal.woff2) format('woff2'), url(./files/x-${piece}-${weight}-normal.woff) format('woff');\n  unicode-range: U+4e00-4e01;\n}`)
      .join('\n');
  it('keeps the WOFF files the stylesheets name and every file outside files/', () => {
    const files = ['400.css', '700.css', '100.css', 'package.json', 'files/x-1-400-normal.woff', 'files/x-1-400-normal.woff2', 'files/x-1-700-normal.woff', 'files/x-2-700-normal.woff', 'files/x-1-100-normal.woff', 'files/x-latin-400-normal.woff'];
    expect(cardFontFiles(files, [css(400, [1]), css(700, [1, 2])])).toEqual(['400.css', '700.css', '100.css', 'package.json', 'files/x-1-400-normal.woff', 'files/x-1-700-normal.woff', 'files/x-2-700-normal.woff']);
  });

  it('keeps, of the installed package, every file a card of either weight can read', () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve(`${CARD_FONT.package}/package.json`));
    const all = (readdirSync(dir, { recursive: true }) as string[]).map((file) => file.split(path.sep).join('/')).filter((file) => statSync(path.join(dir, file)).isFile());
    const stylesheets = readCardStylesheets(dir);
    const kept = new Set(cardFontFiles(all, stylesheets));
    const read = stylesheets.flatMap((stylesheet) => parseFontFaces(stylesheet).map((face) => face.file.replace(/^\.\//, '')));
    expect(read.length).toBeGreaterThan(100);
    for (const file of read) expect(kept.has(file), file).toBe(true);
    // Nine weights in two formats are shipped; the cards' two weights in WOFF are a small part.
    expect(kept.size).toBeLessThan(all.length / 5);
  });
});
