/**
 * Picking the pieces of a CJK font a text needs. Fontsource ships Noto Sans SC as ~100 files per
 * weight, each covering a unicode-range; a share card needs a handful of them, so only those are
 * read — the build never loads (or ships) a whole 10 MB font.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Fontsource package share cards are drawn with, and the weights they set. */
export const CARD_FONT = { package: '@fontsource/noto-sans-sc', weights: [400, 700] } as const;

/** A weight the cards set. */
export type CardFontWeight = (typeof CARD_FONT.weights)[number];

/** The stylesheets of the weights the cards set, read from the font package in `dir` (`400.css`, `700.css`). */
export function readCardStylesheets(dir: string): string[] {
  return CARD_FONT.weights.map((weight) => readFileSync(path.join(dir, `${weight}.css`), 'utf8'));
}

/**
 * Of the font package's files (relative, with `/`), those the cards can read: all but the font
 * files under `files/` that no card weight's stylesheet names. The package ships nine weights in
 * WOFF and WOFF2, 75 MB in 1,900 files; the cards read 6 MB of them, and the offline bundle
 * carries only those.
 */
export function cardFontFiles(files: readonly string[], stylesheets: readonly string[]): string[] {
  const named = new Set(stylesheets.flatMap((css) => parseFontFaces(css).map((face) => face.file.replace(/^\.\//, ''))));
  return files.filter((file) => !file.startsWith('files/') || named.has(file));
}

/** One @font-face of a Fontsource stylesheet: its WOFF file and the code points it covers. */
export interface FontFace {
  /** File name relative to the stylesheet, e.g. `./files/noto-sans-sc-4-700-normal.woff`. */
  file: string;
  weight: number;
  ranges: [number, number][];
}

/** Reads the @font-face rules of a Fontsource CSS file (WOFF sources; satori cannot read WOFF2). */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(([^)]+\.woff)\)\s*format\(['"]woff['"]\)/.exec(block)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400);
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(start!, 16), parseInt(end ?? start!, 16)];
    });
    faces.push({ file, weight, ranges });
  }
  return faces;
}

/**
 * The faces covering each code point, made once per list of faces: a card's text is then looked
 * up character by character, instead of every character against every range of ~200 faces
 * (which cost the build's main thread ≈ 13 ms a card and kept the drawing workers waiting).
 */
const coverage = new WeakMap<readonly FontFace[], Map<number, FontFace[]>>();
function coverageOf(faces: readonly FontFace[]): Map<number, FontFace[]> {
  let index = coverage.get(faces);
  if (!index) {
    index = new Map();
    for (const face of faces) {
      for (const [start, end] of face.ranges) {
        for (let cp = start; cp <= end; cp++) {
          const covering = index.get(cp);
          if (covering) covering.push(face);
          else index.set(cp, [face]);
        }
      }
    }
    coverage.set(faces, index);
  }
  return index;
}

/** The faces (of one weight, when given) that cover at least one character of `text`, in stylesheet order. */
export function facesForText(faces: readonly FontFace[], text: string, weight?: number): FontFace[] {
  const index = coverageOf(faces);
  const wanted = new Set<FontFace>();
  for (const c of new Set(text)) {
    for (const face of index.get(c.codePointAt(0)!) ?? []) if (weight === undefined || face.weight === weight) wanted.add(face);
  }
  return faces.filter((face) => wanted.has(face));
}

/**
 * The faces that draw texts each set in one weight: a piece is loaded only in the weights that
 * draw one of its characters (satori picks the face of the exact weight when it is there).
 */
export function facesForTexts(faces: readonly FontFace[], texts: readonly { weight: number; text: string }[]): FontFace[] {
  const wanted = new Set(texts.flatMap(({ weight, text }) => facesForText(faces, text, weight)));
  return faces.filter((face) => wanted.has(face));
}

/** Characters of `text` no face covers (they would be drawn as empty boxes). */
export function uncoveredCharacters(faces: readonly FontFace[], text: string): string[] {
  const index = coverageOf(faces);
  return [...new Set(text)].filter((c) => !/\s/.test(c) && !index.has(c.codePointAt(0)!));
}
