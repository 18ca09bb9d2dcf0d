// @ts-check
/**
 * A worker thread that draws share cards: satori lays out the element tree and turns every glyph
 * into a path (pure JavaScript, the bulk of a card's cost), sharp encodes it in the format the job
 * names (cardFormat in src/lib/share-card.ts decides) and the worker writes it into the cache. Plain JavaScript because Node 20 starts workers from .js files only;
 * the tree, fonts and file are prepared by share-images.ts, which owns what a card looks like.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import satori from 'satori';
import sharp from 'sharp';

/** @typedef {{ name: string; file: string; weight: import('../lib/cjk-font').CardFontWeight }} FontFile */

/**
 * Renames `from` to `to`, waiting a little while Windows holds the file (a virus scanner reading a
 * file just written); gives up after about half a second, removing `from`.
 * @param {string} from
 * @param {string} to
 */
function renameWhenFree(from, to) {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
      if (attempt >= 10 || !['EPERM', 'EBUSY', 'EACCES'].includes(code)) {
        rmSync(from, { force: true });
        throw error;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** The pieces read so far, by file. */
const loaded = new Map();
/** @type {{ name: string; data: Buffer; weight: FontFile['weight']; style: 'normal' }[]} */
let fonts = [];
/**
 * Reads the pieces not read yet. satori parses a fonts array once and keeps it by identity, so the
 * array is replaced only when a piece is added: the pieces given at the start (every card the
 * build will draw) are parsed once, a card that needs another costs one more parse.
 * @param {FontFile[]} files
 */
function use(files) {
  const missing = files.filter(({ file }) => !loaded.has(file));
  if (missing.length === 0) return;
  for (const { name, file, weight } of missing) loaded.set(file, { name, data: readFileSync(file), weight, style: /** @type {const} */ ('normal') });
  fonts = [...loaded.values()];
}
use(/** @type {{ fonts: FontFile[] }} */ (workerData).fonts);

parentPort?.on('message', async (/** @type {{ id: number; tree: any; width: number; height: number; format: 'jpeg' | 'png'; options: object; file: string; fonts: FontFile[] }} */ job) => {
  try {
    use(job.fonts);
    const svg = await satori(job.tree, { width: job.width, height: job.height, fonts });
    // The card is opaque: on white, a JPEG's edges could never turn black. sharp writes no
    // metadata unless asked (withMetadata), and the card is published as it is.
    const image = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).toFormat(job.format, job.options).toBuffer();
    mkdirSync(path.dirname(job.file), { recursive: true });
    // Written whole, then renamed: a build killed meanwhile leaves no half a card under its name
    // for the next build to publish.
    const partial = `${job.file}.${process.pid}.${threadId}.part`;
    writeFileSync(partial, image);
    renameWhenFree(partial, job.file);
    parentPort?.postMessage({ id: job.id });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
