/**
 * Renders share cards at build time (JPEG or PNG: cardFormat in src/lib/share-card.ts): satori lays the card out and draws every glyph as a
 * path with Noto Sans SC from the @fontsource package (so Chinese renders the same on a machine
 * without any CJK font), sharp rasterises — in worker threads, on every core. A card whose inputs
 * did not change is read from the cache instead of being drawn again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import sharp from 'sharp';
import { cacheDir, shareImagesWorker } from 'virtual:honor-roll/context';
import { CARD_FONT, facesForText, facesForTexts, parseFontFaces, readCardStylesheets, uncoveredCharacters, type FontFace } from '../lib/cjk-font';
import { CARD_HEIGHT, CARD_WIDTH, cardFormat, cardText, cardTextByWeight, cardTree, type CardFormat, type ShareCard } from '../lib/share-card';
import { sharpPosition, type PhotoFocus } from '../lib/photo-focus';
import { createWorkerPool, type WorkerPool } from '../lib/worker-pool';

const require = createRequire(import.meta.url);
const FONT_VERSION: string = require(`${CARD_FONT.package}/package.json`).version;
/** Bump when the card design or its encoding changes, so cached cards are redrawn. */
const DESIGN_VERSION = 3;

const fontDir = path.dirname(require.resolve(`${CARD_FONT.package}/package.json`));
const faces: FontFace[] = readCardStylesheets(fontDir).flatMap(parseFontFaces);

/** `NotoSansSC-4`: one family name per Fontsource piece (all weights of a piece share it). */
function fontName(face: FontFace): string {
  return `NotoSansSC-${/noto-sans-sc-(\w+)-\d+-normal/.exec(face.file)?.[1] ?? face.file}`;
}

/**
 * Cards are drawn in worker threads (share-images-worker.mjs): satori is pure JavaScript and the
 * largest single cost of a cold build. One worker per core for a large site, fewer for a few
 * cards: a worker's start (its modules, the fonts it parses) costs as much as ≈ 50 cards.
 */
const WORKERS = Math.max(1, Math.min(8, os.availableParallelism()));
const CARDS_PER_WORKER = 50;
let pool: WorkerPool<DrawJob> | undefined;
/** A font piece as a worker loads it. */
interface FontFile {
  name: string;
  file: string;
  weight: number;
}
interface DrawJob {
  tree: unknown;
  width: number;
  height: number;
  format: CardFormat['format'];
  options: CardFormat['options'];
  file: string;
  /** The pieces this card is drawn with; a worker reads the ones it has not read yet. */
  fonts: FontFile[];
}
function drawPool(fonts: FontFile[] = [], size = 1): WorkerPool<DrawJob> {
  pool ??= createWorkerPool<DrawJob>(shareImagesWorker, { fonts }, size);
  return pool;
}

/**
 * The font pieces a card is drawn with: only the pieces of its characters, in the weights it sets
 * them in. Parsing every piece of both weights took ≈ 2.5 s and ≈ 120 MB in each worker; a site's
 * cards need a part of them (a small site, a handful).
 */
function cardFonts(card: ShareCard): FontFile[] {
  return facesForTexts(faces, cardTextByWeight(card)).map((face) => ({ name: fontName(face), file: path.join(fontDir, face.file), weight: face.weight }));
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

/**
 * The portrait cropped to the card's 4:5 frame at the size the card shows it (the card is drawn at
 * 1200×630, one pixel per pixel: a larger portrait only costs encoding and decoding it again), as a
 * data URI; its metadata is not carried over.
 */
async function portraitUri(original: Buffer, focus: PhotoFocus | undefined): Promise<string> {
  const jpeg = await sharp(original).rotate().resize(360, 450, { fit: 'cover', position: sharpPosition(focus) }).jpeg({ quality: 90 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

export interface CardInput extends Omit<ShareCard, 'portrait'> {
  portrait?: ImageMetadata | undefined;
  /** The part of the portrait the card's crop keeps. */
  portraitFocus?: PhotoFocus | undefined;
}

/** Cards being drawn, by cache file: a page asking for one waits for the same drawing. */
const drawing = new Map<string, Promise<void>>();

/** Where the card is cached: named by a hash of everything it is drawn from, with its format's extension. */
function cacheFile(input: CardInput): { file: string; original: Buffer | undefined; format: CardFormat } {
  const { portrait, portraitFocus, ...card } = input;
  const original = portrait ? originalOf(portrait) : undefined;
  const format = cardFormat(portrait !== undefined);
  const key = createHash('sha256')
    .update(JSON.stringify({ card, portraitFocus, FONT_VERSION, DESIGN_VERSION, format }))
    .update(original ?? '')
    .digest('hex');
  return { file: path.join(cacheDir, 'share-cards', `${key}${format.extension}`), original, format };
}

/** Draws the card into its cache file in a worker, unless it is there or being drawn. */
function draw(input: CardInput, { file, original, format }: ReturnType<typeof cacheFile>): Promise<void> {
  let done = drawing.get(file);
  if (done) return done;
  if (existsSync(file)) return Promise.resolve();
  done = (async () => {
    const { portrait: _, portraitFocus, ...card } = input;
    const full: ShareCard = { ...card, portrait: original ? await portraitUri(original, portraitFocus) : undefined };
    const tree = cardTree(full, familyFor(cardText(full)));
    await drawPool().run({ tree, width: CARD_WIDTH, height: CARD_HEIGHT, format: format.format, options: format.options, file, fonts: cardFonts(full) });
  })();
  drawing.set(file, done);
  return done;
}

/**
 * Starts drawing every card that is not cached, a few at a time ahead of the pages that ask for
 * them, so every core is busy while Astro renders the share routes one after another.
 */
export function prepareShareImages(inputs: CardInput[]): void {
  const queue = inputs.flatMap((input) => {
    try {
      const cached = cacheFile(input);
      return existsSync(cached.file) ? [] : [{ input, cached }];
    } catch {
      // A card whose portrait cannot be read fails again, with its message, when its page asks for it.
      return [];
    }
  });
  if (queue.length === 0) return;
  // The workers start with every piece the cards to draw need, so each parses its fonts once.
  const fonts = new Map(queue.flatMap(({ input }) => cardFonts({ ...input, portrait: undefined })).map((font) => [font.file, font]));
  const workers = Math.min(WORKERS, Math.ceil(queue.length / CARDS_PER_WORKER));
  drawPool([...fonts.values()], workers);
  const ahead = 2 * workers;
  const next = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      // A card that fails here fails again, with its message, when its page asks for it.
      await draw(job.input, job.cached).catch(() => undefined);
    }
  };
  // The workers and their parsed fonts are let go before Astro processes the images.
  void Promise.all(Array.from({ length: ahead }, next)).then(async () => {
    await pool?.close();
    pool = undefined;
  });
}

/** The encoded card: from the cache when nothing about it changed, else drawn and cached. */
export async function renderShareImage(input: CardInput): Promise<{ bytes: Buffer; contentType: CardFormat['contentType'] }> {
  const cached = cacheFile(input);
  await draw(input, cached);
  return { bytes: readFileSync(cached.file), contentType: cached.format.contentType };
}
