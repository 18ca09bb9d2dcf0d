/**
 * The last check before the site is published, on the finished output — pages, feeds, sitemap,
 * the search index and every image:
 * - no personal data (ID, mobile and bank card numbers, e-mail addresses) outside the allow-list;
 * - no trace of an entry the publishing rules left out (its address, name, summary, images);
 * - no image carrying EXIF, XMP, IPTC or GPS metadata, and no uploaded original copied as is.
 * Any finding stops the build before the site is moved into place, naming the file and the entry.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { elapsedMs } from './elapsed';
import { AstroError } from 'astro/errors';
import sharp from 'sharp';
import { IMAGE_EXTENSIONS } from '../lib/check/check-content';
import { leakCanaries } from '../lib/leak-canaries';
import { publishedAndExcluded, toCanaryEntry } from '../lib/check/hidden-traces';
import { scanPath, scanText } from '../lib/privacy-scan';
import { getBuildContext } from './build-context';

const TEXT_EXTENSIONS = new Set(['.html', '.xml', '.json', '.txt', '.js', '.mjs', '.css', '.svg', '.webmanifest']);
const OUTPUT_IMAGES = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

interface Finding {
  file: string;
  message: string;
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
}

/** The text of an output file; Pagefind's index files are gzip-compressed. */
function textOf(bytes: Buffer): string {
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** `officers/wang-xiang/index.html` → the entry page it is, for the message. */
function pageOf(file: string): string {
  const match = /^([a-z]+)\/([a-z0-9-]+)\/index\.html$/.exec(file.split(path.sep).join('/'));
  return match ? `（页面 ${match[1]}/${match[2]}）` : '';
}

export function privacyGuard(): AstroIntegration {
  return {
    name: 'honor-roll:privacy-guard',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { check, siteConfig, now, audience, paths } = getBuildContext();
        const { excluded, published } = publishedAndExcluded(check.entries, { now, audience, points: siteConfig.points.publish });
        const canaries = leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry));
        const allow = siteConfig.privacy.allow;
        const findings: Finding[] = [];

        // Originals as uploaded: none may reach the output unprocessed.
        const originals = new Set<string>();
        for (const file of filesUnder(paths.contentDir)) {
          if (IMAGE_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
            originals.add(createHash('sha256').update(readFileSync(path.join(paths.contentDir, file))).digest('hex'));
          }
        }

        for (const file of filesUnder(outDir)) {
          const ext = path.extname(file).toLowerCase();
          const bytes = readFileSync(path.join(outDir, file));
          for (const message of scanPath(file, canaries)) findings.push({ file, message });
          if (TEXT_EXTENSIONS.has(ext) || file.includes(`pagefind${path.sep}`)) {
            for (const message of scanText(file, textOf(bytes), { canaries, allow })) findings.push({ file, message: `${message}${pageOf(file)}` });
          } else if (OUTPUT_IMAGES.has(ext)) {
            if (originals.has(createHash('sha256').update(bytes).digest('hex'))) {
              findings.push({ file, message: '是上传的原始图片，未经处理（原图可能带有拍摄位置等信息）' });
            }
            const meta = await sharp(bytes).metadata();
            const carried = [meta.exif && 'EXIF', meta.xmp && 'XMP', meta.iptc && 'IPTC'].filter(Boolean);
            if (carried.length > 0) findings.push({ file, message: `图片带有 ${carried.join('、')} 元数据` });
          }
        }

        if (findings.length > 0) {
          const lines = findings.slice(0, 50).map((f) => `  ✖ ${f.file}：${f.message}`);
          if (findings.length > 50) lines.push(`  ……共 ${findings.length} 处`);
          const error = new AstroError(
            `隐私检查未通过，网站没有更新（privacy guard: ${findings.length} findings; nothing was published）：\n${lines.join('\n')}`,
            '请从内容中删除上述个人信息；如果是可以公开的号码（如服务热线），请加入 site.config.yaml 的 privacy.allow。未公开条目出现在网站中时，请检查引用它的条目，以及在正文、参与人员等文字中写出了其姓名的条目（上面列出的页面对应的条目）。',
          );
          error.stack = '';
          throw error;
        }
        logger.info(`隐私检查通过：${canaries.length} 个未公开条目特征、个人信息和图片元数据均未出现在网站中（privacy guard passed, ${elapsedMs(started)} ms）`);
      },
    },
  };
}
