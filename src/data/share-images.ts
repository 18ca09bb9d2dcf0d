/**
 * Renders share cards to PNG at build time: satori lays the card out and draws every glyph as a
 * path with Noto Sans SC from the @fontsource package (so Chinese renders the same on a machine
 * without any CJK font), sharp rasterises. A card whose inputs did not change is read from the
 * cache instead of being drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import satori from 'satori';
import sharp from 'sharp';
import { cacheDir } from 'virtual:honor-roll/context';
import { facesForText, parseFontFaces, uncoveredCharacters, type FontFace } from '../lib/cjk-font';
import { CARD_HEIGHT, CARD_WIDTH, cardText, cardTree, type ShareCard } from '../lib/share-card';
import { sharpPosition, type PhotoFocus } from '../lib/photo-focus';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@fontsource/noto-sans-sc';
const FONT_VERSION: string = require(`${FONT_PACKAGE}/package.json`).version;
/** Bump when the card design changes, so cached cards are redrawn. */
const DESIGN_VERSION = 1;

const fontDir = path.dirname(require.resolve(`${FONT_PACKAGE}/400.css`));
const faces: FontFace[] = [400, 700].flatMap((weight) => parseFontFaces(readFileSync(path.join(fontDir, `${weight}.css`), 'utf8')));

/** `NotoSansSC-4`: one family name per Fontsource piece (all weights of a piece share it). */
function fontName(face: FontFace): string {
  return `NotoSansSC-${/noto-sans-sc-(\w+)-\d+-normal/.exec(face.file)?.[1] ?? face.file}`;
}

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let allFonts: SatoriFont[] | undefined;

/**
 * Every piece of both weights, read once (≈20 MB, about half a second) on the first card drawn.
 * satori parses fonts once per fonts array (it caches by the array's identity): one array for
 * the whole build halves its time per card, where an array per card made it parse again each time.
 */
function fonts(): SatoriFont[] {
  allFonts ??= faces.map((face) => ({
    name: fontName(face),
    data: readFileSync(path.join(fontDir, face.file)),
    weight: face.weight as 400 | 700,
    style: 'normal' as const,
  }));
  return allFonts;
}

/** The font pieces a text needs, as a CSS font-family list. */
function familyFor(text: string): string {
  const missing = uncoveredCharacters(faces, text);
  if (missing.length > 0) {
    // Drawn as empty boxes otherwise: say which characters, so the text can be checked.
    console.warn(`[share-images] 字体不含这些字符，分享图中将显示为空白：${missing.join(' ')}`);
  }
  // satori does not look for a glyph in a second font of the same name: each piece of the
  // font has a name of its own, and the card lists the ones it needs as fallbacks.
  return [...new Set(facesForText(faces, text).map(fontName))].join(', ');
}

/** The original bytes of an image field (Astro keeps the file's path on the metadata object). */
function originalOf(image: ImageMetadata): Buffer {
  const file = (image as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) throw new Error(`share card: no file behind image ${image.src}`);
  return readFileSync(file);
}

/** The portrait cropped to the card's 4:5 frame, as a data URI; its metadata is not carried over. */
async function portraitUri(original: Buffer, focus: PhotoFocus | undefined): Promise<string> {
  const jpeg = await sharp(original).rotate().resize(360 * 2, 450 * 2, { fit: 'cover', position: sharpPosition(focus) }).jpeg({ quality: 82 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

export interface CardInput extends Omit<ShareCard, 'portrait'> {
  portrait?: ImageMetadata | undefined;
  /** The part of the portrait the card's crop keeps. */
  portraitFocus?: PhotoFocus | undefined;
}

/** The PNG of a card: from the cache when nothing about it changed, else drawn and cached. */
export async function renderShareImage(input: CardInput): Promise<Buffer> {
  const { portrait, portraitFocus, ...card } = input;
  const original = portrait ? originalOf(portrait) : undefined;
  const key = createHash('sha256')
    .update(JSON.stringify({ card, portraitFocus, FONT_VERSION, DESIGN_VERSION }))
    .update(original ?? '')
    .digest('hex');
  const cached = path.join(cacheDir, 'share-cards', `${key}.png`);
  try {
    return readFileSync(cached);
  } catch {
    // not cached yet
  }
  const full: ShareCard = { ...card, portrait: original ? await portraitUri(original, portraitFocus) : undefined };
  const family = familyFor(cardText(full));
  const svg = await satori(cardTree(full, family) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts() });
  // zlib level 6, not 9: 1% larger, a third of the time (15 ms instead of 45 ms per card).
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  mkdirSync(path.dirname(cached), { recursive: true });
  writeFileSync(cached, png);
  return png;
}
