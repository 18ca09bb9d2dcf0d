/**
 * Picking the pieces of a CJK font a text needs. Fontsource ships Noto Sans SC as ~100 files per
 * weight, each covering a unicode-range; a share card needs a handful of them, so only those are
 * read — the build never loads (or ships) a whole 10 MB font.
 */

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

/** The faces that cover at least one character of `text`, in stylesheet order. */
export function facesForText(faces: readonly FontFace[], text: string): FontFace[] {
  const codePoints = new Set([...text].map((c) => c.codePointAt(0)!));
  return faces.filter((face) => face.ranges.some(([start, end]) => [...codePoints].some((cp) => cp >= start && cp <= end)));
}

/**
 * The faces that draw texts each set in one weight: a piece is loaded only in the weights that
 * draw one of its characters (satori picks the face of the exact weight when it is there).
 */
export function facesForTexts(faces: readonly FontFace[], texts: readonly { weight: number; text: string }[]): FontFace[] {
  const wanted = new Set(texts.flatMap(({ weight, text }) => facesForText(faces.filter((face) => face.weight === weight), text)));
  return faces.filter((face) => wanted.has(face));
}

/** Characters of `text` no face covers (they would be drawn as empty boxes). */
export function uncoveredCharacters(faces: readonly FontFace[], text: string): string[] {
  return [...new Set([...text])].filter((c) => {
    const cp = c.codePointAt(0)!;
    return !/\s/.test(c) && !faces.some((face) => face.ranges.some(([start, end]) => cp >= start && cp <= end));
  });
}
