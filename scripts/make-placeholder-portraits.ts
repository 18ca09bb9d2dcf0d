/**
 * Draws the placeholder portraits of the sample unit: a plain silhouette, the same for everyone,
 * so no one mistakes it for a real photo. Run once; the PNGs are committed beside the profiles.
 *
 *   npx tsx scripts/make-placeholder-portraits.ts [src/content/officers]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const folder = process.argv[2] ?? 'src/content/officers';
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="600" viewBox="0 0 480 600">
  <rect width="480" height="600" fill="#e3e8f0"/>
  <circle cx="240" cy="230" r="105" fill="#9aa7bb"/>
  <path d="M40 600 C40 440 130 370 240 370 C350 370 440 440 440 600 Z" fill="#9aa7bb"/>
</svg>`;

const png = await sharp(Buffer.from(svg)).png({ palette: true, compressionLevel: 9 }).toBuffer();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.md') || f.endsWith('.mdx'))) {
  const out = path.join(folder, `${path.parse(file).name}.png`);
  await sharp(png).toFile(out);
  console.log(`wrote ${out}`);
}
