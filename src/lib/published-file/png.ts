/**
 * Walks a PNG's chunks. sharp reports EXIF (eXIf), XMP and uncompressed text chunks, but not
 * what compressed text chunks say once inflated, ImageMagick's hex-encoded "Raw profile" chunks,
 * private chunks or data after IEND. Each chunk states its length, so the walk is linear;
 * compressed text is inflated with a cap taken from the inspection's budget.
 */
import { inflateSync } from 'node:zlib';
import { ascii, u32 } from './bytes';
import type { Findings } from './findings';
import { commentBlock, exifBlock, iptcBlock, photoshopBlock, trailingBlock, unknownBlock, xmpBlock } from './metadata';
import { decodeUnlabelled } from './text-encoding';

/** Chunks that carry pixels, colour or layout, never text (iCCP's name is a profile name). */
const HARMLESS = new Set(
  'IHDR PLTE IDAT IEND tRNS cHRM gAMA iCCP sBIT sRGB cICP mDCV mDCv cLLI cLLi bKGD hIST pHYs sPLT tIME acTL fcTL fdAT oFFs sCAL sTER vpAg iDOT'.split(' '),
);

/** Inflates zlib data within the budget; undefined (and a problem) when it cannot. */
function inflateWithin(data: Uint8Array, findings: Findings, what: string): Uint8Array | undefined {
  try {
    const out = inflateSync(data, { maxOutputLength: Math.max(1, findings.budget.remaining) });
    return findings.spend(out.length) ? out : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') findings.spend(Number.POSITIVE_INFINITY);
    else findings.problem('unreadable', { detail: `${what}无法解压` });
    return undefined;
  }
}

/**
 * ImageMagick keeps EXIF, IPTC and XMP in text chunks named `Raw profile type exif` (and so on):
 * a line with the type, a line with the length, then the bytes in hexadecimal.
 */
function rawProfile(keyword: string, text: string, findings: Findings): boolean {
  const type = /^Raw profile type (\w+)$/i.exec(keyword)?.[1]?.toLowerCase();
  if (!type) return false;
  const hex = text.replace(/^\s*\S+\s+\d+\s+/, '').replace(/[^0-9a-f]/gi, '');
  const bytes = Buffer.from(hex.slice(0, hex.length - (hex.length % 2)), 'hex');
  if (type === 'exif' || type === 'app1') exifBlock(bytes, findings);
  else if (type === 'iptc') iptcBlock(bytes, findings);
  else if (type === '8bim') photoshopBlock(bytes, findings);
  else if (type === 'xmp') xmpBlock(bytes, findings);
  else unknownBlock(bytes, findings, `PNG ${keyword}`);
  return true;
}

/** A text chunk's keyword and text: XMP, a raw profile, or a comment. */
function textChunk(keyword: string, text: string, findings: Findings, where: string): void {
  if (keyword === 'XML:com.adobe.xmp') xmpBlock(text, findings, `${where}XMP`);
  else if (!rawProfile(keyword, text, findings)) commentBlock(`${keyword}: ${text}`, findings, `${where}“${keyword}”`);
}

/** Reads tEXt, zTXt and iTXt chunks (keyword, NUL, then plain, compressed or international text). */
function readTextChunk(type: string, data: Uint8Array, findings: Findings): void {
  const keywordEnd = data.indexOf(0);
  const keyword = ascii(data, 0, keywordEnd < 0 ? data.length : keywordEnd);
  const rest = keywordEnd < 0 ? new Uint8Array(0) : data.subarray(keywordEnd + 1);
  const where = `PNG ${type} `;
  if (type === 'tEXt') return textChunk(keyword, decodeUnlabelled(rest), findings, where);
  if (type === 'zTXt') {
    // One byte of compression method, then zlib data.
    const text = inflateWithin(rest.subarray(1), findings, `PNG ${type}`);
    if (text) textChunk(keyword, decodeUnlabelled(text), findings, where);
    else commentBlock(keyword, findings, `${where}“${keyword}”`);
    return;
  }
  // iTXt: compression flag, method, language tag NUL, translated keyword NUL, UTF-8 text.
  const compressed = rest[0] === 1;
  const languageEnd = rest.indexOf(0, 2);
  const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return commentBlock(decodeUnlabelled(rest), findings, `${where}“${keyword}”`);
  const translated = new TextDecoder().decode(rest.subarray(languageEnd + 1, translatedEnd));
  const body = rest.subarray(translatedEnd + 1);
  const text = compressed ? inflateWithin(body, findings, `PNG ${type}`) : body;
  if (translated) findings.text('comment', `${where}“${keyword}”`, translated);
  if (text) textChunk(keyword, new TextDecoder().decode(text), findings, where);
  else commentBlock(keyword, findings, `${where}“${keyword}”`);
}

/** Walks a PNG file's chunks (the signature takes the first 8 bytes). */
export function walkPng(bytes: Uint8Array, findings: Findings): void {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at)!;
    const type = ascii(bytes, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + length > bytes.length) break;
    const data = bytes.subarray(at + 8, at + 8 + length);
    at += 12 + length;
    if (type === 'IEND') return trailingBlock(bytes.subarray(at), findings);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') readTextChunk(type, data, findings);
    else if (type === 'eXIf') exifBlock(data, findings);
    else if (!HARMLESS.has(type)) unknownBlock(data, findings, `PNG ${type} 块`);
  }
  findings.problem('unreadable', { detail: 'PNG 没有结束块（IEND），文件可能被截断' });
}
