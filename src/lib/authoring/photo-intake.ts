/**
 * The photo intake shared by `npm run photo` and the editor's upload: a picture becomes safe to
 * publish — turned upright by its EXIF orientation, scaled down to at most 1600 px, and saved
 * without any metadata (no GPS position, no camera, no date).
 */
import sharp from 'sharp';
import { isHeic, READABLE_FORMATS } from './photo-input';

/** Large enough for a portrait on any screen and a printed A4 poster; a phone photo is 4000 px. */
export const MAX_SIZE = 1600;

export type IntakeResult =
  | { ok: true; bytes: Buffer; extension: 'jpg' | 'png'; width: number; height: number }
  | { ok: false; message: string; hint: string };

/** Why a picture cannot be used, in Chinese; `name` is how the clerk knows the file. */
function unreadable(bytes: Uint8Array, name: string): IntakeResult {
  if (isHeic(bytes)) {
    return { ok: false, message: `${name} 是苹果手机的 HEIC 格式照片，本机无法读取`, hint: '请在手机或电脑上另存为 JPG 后再试（iPhone 的“照片”可以导出为 JPEG）' };
  }
  return { ok: false, message: `${name} 不是可以读取的图片`, hint: `可以处理的格式：${READABLE_FORMATS}。手机照片可先在手机上“导出为 JPEG”` };
}

/** Reads a picture and returns it upright, at most MAX_SIZE px, without metadata. Never throws on bad input. */
export async function intakePhoto(bytes: Uint8Array, name: string): Promise<IntakeResult> {
  let image: sharp.Sharp;
  let info: sharp.Metadata;
  try {
    image = sharp(bytes, { failOn: 'error' });
    info = await image.metadata();
  } catch {
    return unreadable(bytes, name);
  }
  // Keep transparency as PNG; everything else becomes JPEG, which is what phone photos are.
  const keepPng = info.format === 'png' && info.hasAlpha === true;
  const pipeline = image
    .rotate() // apply the EXIF orientation, so the picture is upright once the EXIF is gone
    .resize(MAX_SIZE, MAX_SIZE, { fit: 'inside', withoutEnlargement: true });
  // sharp writes no EXIF, XMP, IPTC or ICC metadata unless asked to: the GPS position stays behind.
  // Reading the header is not decoding: a HEIC photo may pass metadata() and fail only here.
  try {
    const output = keepPng ? await pipeline.png({ compressionLevel: 9 }).toBuffer() : await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    const out = await sharp(output).metadata();
    return { ok: true, bytes: output, extension: keepPng ? 'png' : 'jpg', width: out.width ?? 0, height: out.height ?? 0 };
  } catch {
    return unreadable(bytes, name);
  }
}
