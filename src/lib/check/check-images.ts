/**
 * What is inside the pictures the entries name, read as the build reads them: Astro takes each
 * picture's size and format from its first bytes (`imageMetadata`, which the build calls on every
 * picture of the content) and stops the build when it cannot ("NoImageMetadata", in English, after
 * the rest of the build has run), then sharp refuses a picture of more pixels than it will decode.
 * Here they are found first, at the entry's field and line.
 */
import { imageMetadata } from 'astro/assets/utils';
import type { CheckedImage } from './check-content';
import type { ContentFs } from './content-fs';
import type { Problem } from './problem';

/** Enough of a picture for its header, metadata blocks included, in almost every photo; a picture whose header lies further is read whole. */
const HEADER_BYTES = 128 * 1024;

/** The formats Astro optimises (VALID_INPUT_FORMATS without SVG, which it would publish as it is). */
const OPTIMISED_FORMATS = new Set(['jpeg', 'jpg', 'png', 'tiff', 'webp', 'gif', 'avif']);

/** sharp's default limitInputPixels (0x3FFF × 0x3FFF), which Astro's image service keeps. */
export const MAX_IMAGE_PIXELS = 0x3fff * 0x3fff;

const FORMAT_NAMES: Record<string, string> = {
  heif: 'HEIC/HEIF（苹果手机的照片格式）',
  svg: 'SVG 矢量图',
  bmp: 'BMP',
  psd: 'Photoshop（PSD）',
  ico: '图标（ICO）',
  icns: '图标（ICNS）',
  dds: 'DDS',
  tga: 'TGA',
  pnm: 'PNM',
  j2c: 'JPEG 2000',
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  ktx: 'KTX',
  cur: '光标（CUR）',
};

/** Reads the header of a picture as the build does: its size and format, or null when there is none. */
async function metadataOf(image: CheckedImage, fs: ContentFs): Promise<{ width: number; height: number; format: string } | null> {
  const head = fs.readStart(image.path, HEADER_BYTES);
  try {
    return await imageMetadata(head, image.path);
  } catch {
    if (head.byteLength < HEADER_BYTES) return null;
    try {
      return await imageMetadata(fs.readFile(image.path), image.path);
    } catch {
      return null;
    }
  }
}

/** The problems of the pictures' contents: not a picture at all, a format the build cannot optimise, too many pixels. */
export async function imageFileProblems(images: readonly CheckedImage[], fs: ContentFs): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const image of images) {
    const where = { severity: 'error' as const, file: image.file, field: image.field, ...(image.line ? { line: image.line } : {}), value: image.value };
    const metadata = await metadataOf(image, fs);
    if (!metadata) {
      problems.push({
        ...where,
        code: 'image-format',
        message: `${image.value} 不是能读取的图片（文件损坏，或其实是别的文件改了扩展名），生成网站时会出错`,
        hint: '请用看图软件打开这张图片，能正常显示的另存为 JPG；打不开的换一个原始文件',
      });
    } else if (!OPTIMISED_FORMATS.has(metadata.format)) {
      problems.push({
        ...where,
        code: 'image-format',
        message: `${image.value} 的内容是 ${FORMAT_NAMES[metadata.format] ?? metadata.format.toUpperCase()} 格式，只是扩展名写成了图片的，网站无法处理`,
        hint: '请用看图软件把它另存为 JPG 或 PNG（另存时选择格式，而不是只改扩展名），再放回原处',
      });
    } else if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) {
      problems.push({
        ...where,
        code: 'image-size',
        message: `图片尺寸太大（${metadata.width} × ${metadata.height} 像素），生成网站时无法处理`,
        // npm run photo reads pictures with the same limit: the picture must be made smaller elsewhere.
        hint: `上限约 ${Math.floor(MAX_IMAGE_PIXELS / 1e6)} 百万像素：请用看图软件把图片缩小（宽度 3000 像素以内就足够清晰）后另存，再放回原处`,
      });
    }
  }
  return problems;
}
