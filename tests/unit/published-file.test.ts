import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectFile, type FileInspection, type FileProblemCode, type TextSource } from '../../src/lib/published-file';
import {
  exifBlock,
  gifComment,
  gifSubBlocks,
  gifXmp,
  iptcBlock,
  iTXt,
  jpegSegment,
  photoshopIptc,
  pngChunk,
  riffChunk,
  solid,
  tEXt,
  withGifBlocks,
  withJpegSegments,
  withPngChunks,
  withWebpChunks,
  xmpPacket,
  zTXt,
} from './helpers/image-bytes';

/** The private data hidden in every test file. */
const PHONE = '13912345678';

const codes = (result: FileInspection) => result.problems.map((p) => p.code);
/** The texts of `source` that hold `needle`. */
const found = (result: FileInspection, source: TextSource, needle = PHONE) => result.texts.filter((t) => t.source === source && t.text.includes(needle));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** An image with metadata written by sharp itself (EXIF as ASCII: sharp turns CJK into `?`). */
function withSharpMetadata(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff'): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .withExif({ IFD0: { ImageDescription: `tel ${PHONE}`, Artist: 'Zhang San' } })
    .withXmp(xmpPacket(`李四 ${PHONE}`))
    [format]()
    .toBuffer();
}

/** An ICO file holding the given PNG images. */
function ico(...pngs: Buffer[]): Buffer {
  const header = Buffer.from([0, 0, 1, 0, pngs.length, 0]);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map((png) => {
    const entry = Buffer.alloc(16);
    entry[0] = 8;
    entry[1] = 8;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** A 1×1 24-bit BMP. */
function bmp(): Buffer {
  const out = Buffer.alloc(58);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(58, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(1, 18);
  out.writeInt32LE(1, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  return out;
}

describe('inspectFile: clean files', () => {
  it.each(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const)('a clean %s from sharp has no problem and no text', async (format) => {
    const result = await inspectFile(`photo.${format === 'jpeg' ? 'jpg' : format}`, await solid(format));
    expect(result.kind).toBe(format);
    expect(result.problems).toEqual([]);
    expect(result.texts).toEqual([]);
  });

  it('a clean ICO (a PNG inside) and a BMP have no problem', async () => {
    const icon = await inspectFile('favicon.ico', ico(await solid('png')));
    expect([icon.kind, icon.problems]).toEqual(['ico', []]);
    const bitmap = await inspectFile('old.bmp', bmp());
    expect([bitmap.kind, bitmap.problems]).toEqual(['bmp', []]);
  });

  it('an image with only a colour profile (ICC) is fine', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).icc).toBeDefined();
    expect((await inspectFile('p3.jpg', jpeg)).problems).toEqual([]);
  });

  it('a page, a stylesheet and an empty file are text with nothing wrong', async () => {
    const page = await inspectFile('index.html', Buffer.from(`<!DOCTYPE html><p>服务热线 ${PHONE}</p>`));
    expect([page.kind, page.problems, found(page, 'content').length]).toEqual(['html', [], 1]);
    expect((await inspectFile('a.css', Buffer.from('body{color:red}'))).problems).toEqual([]);
    expect(await inspectFile('empty.txt', new Uint8Array(0))).toMatchObject({ kind: 'empty', problems: [], texts: [] });
  });
});

describe('inspectFile: JPEG', () => {
  it('reads EXIF and XMP written by sharp', async () => {
    const result = await inspectFile('photo.jpg', await withSharpMetadata('jpeg'));
    expect(codes(result)).toEqual(['image-exif', 'image-xmp']);
    expect(found(result, 'exif')[0]?.where).toBe('EXIF ImageDescription');
    expect(found(result, 'xmp')[0]?.text).toContain('李四');
  });

  it('a .jfif from a phone: GPS and a phone number in EXIF (UTF-8 names too)', async () => {
    const exif = exifBlock({ 0x010e: `机主 ${PHONE}`, 0x013b: '张三' }, { gps: true });
    const jfif = withJpegSegments(await solid('jpeg'), jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif])));
    const result = await inspectFile('微信图片.jfif', jfif);
    expect(result.kind).toBe('jpeg');
    expect(result.problems.map((p) => p.message)).toEqual(['图片带有 EXIF 信息，其中有拍摄位置（GPS）']);
    expect(found(result, 'exif')).toHaveLength(1);
    expect(found(result, 'exif', '张三')[0]?.where).toBe('EXIF Artist');
  });

  it('reads the Windows comment (XPComment, UTF-16) and UserComment (UNICODE) tags', async () => {
    const exif = exifBlock({
      0x9c9c: Buffer.from(`备注 ${PHONE}\0`, 'utf16le'),
      0x9286: Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from('王五', 'utf16le')]),
    });
    const result = await inspectFile(
      'a.jpg',
      withJpegSegments(await solid('jpeg'), jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif]))),
    );
    expect(found(result, 'exif')[0]?.where).toBe('EXIF XPComment');
    expect(found(result, 'exif', '王五')[0]?.where).toBe('EXIF UserComment');
  });

  it('reads a comment (COM) segment', async () => {
    const result = await inspectFile('a.jpg', withJpegSegments(await solid('jpeg'), jpegSegment(0xfe, `联系 ${PHONE}`)));
    expect(codes(result)).toEqual(['image-comment']);
    expect(found(result, 'comment')[0]?.where).toBe('JPEG 注释（COM）');
  });

  it('reads IPTC in Photoshop resources (APP13)', async () => {
    const app13 = jpegSegment(0xed, photoshopIptc(iptcBlock({ 80: '摄影 赵六', 120: `说明 ${PHONE}` })));
    const result = await inspectFile('a.jpg', withJpegSegments(await solid('jpeg'), app13));
    expect(codes(result)).toEqual(['image-iptc']);
    expect(found(result, 'iptc')[0]?.where).toBe('IPTC 2:120');
    expect(found(result, 'iptc', '赵六')).toHaveLength(1);
  });

  it('reads XMP and extended XMP segments', async () => {
    const main = jpegSegment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmpPacket('x'))]));
    const extension = jpegSegment(
      0xe1,
      Buffer.concat([Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1'), Buffer.alloc(40, 0x41), Buffer.from(`<dc:rights>${PHONE}</dc:rights>`)]),
    );
    const result = await inspectFile('a.jpg', withJpegSegments(await solid('jpeg'), main, extension));
    expect(codes(result)).toEqual(['image-xmp']);
    expect(found(result, 'xmp')[0]?.where).toBe('XMP（扩展部分）');
  });

  it('reads text in an unknown application segment without calling it a problem', async () => {
    const result = await inspectFile('a.jpg', withJpegSegments(await solid('jpeg'), jpegSegment(0xec, `Ducky\0\0\0${PHONE}`)));
    expect(result.problems).toEqual([]);
    expect(found(result, 'strings')[0]?.where).toBe('JPEG APP12 段');
  });

  it('reads data appended after the end of the image', async () => {
    const result = await inspectFile('a.jpg', Buffer.concat([await solid('jpeg'), Buffer.from(`secret ${PHONE}`)]));
    expect(codes(result)).toEqual(['image-trailing-data']);
    expect(found(result, 'strings')).toHaveLength(1);
    // Zero padding after the end is what some cameras write: not a problem.
    expect((await inspectFile('a.jpg', Buffer.concat([await solid('jpeg'), Buffer.alloc(64)]))).problems).toEqual([]);
  });
});

describe('inspectFile: PNG', () => {
  it('reads eXIf and XMP written by sharp', async () => {
    const result = await inspectFile('a.png', await withSharpMetadata('png'));
    expect(codes(result).sort()).toEqual(['image-exif', 'image-xmp']);
    expect(found(result, 'exif')).toHaveLength(1);
    expect(found(result, 'xmp')).toHaveLength(1);
  });

  it.each([
    ['tEXt', tEXt('Comment', `电话 ${PHONE}`)],
    ['zTXt', zTXt('Author', `王五 ${PHONE}`)],
    ['iTXt', iTXt('Description', `赵六 ${PHONE}`)],
    ['compressed iTXt', iTXt('Description', `赵六 ${PHONE}`, true)],
  ])('reads a %s chunk', async (_, chunk) => {
    const result = await inspectFile('a.png', withPngChunks(await solid('png'), chunk));
    expect(codes(result)).toEqual(['image-comment']);
    expect(found(result, 'comment')).toHaveLength(1);
  });

  it('reads XMP in iTXt and ImageMagick’s hex-encoded raw profiles', async () => {
    const hex = exifBlock({ 0x013b: `Zhang ${PHONE}` }).toString('hex');
    const png = withPngChunks(
      await solid('png'),
      iTXt('XML:com.adobe.xmp', xmpPacket(PHONE)),
      zTXt('Raw profile type exif', `\nexif\n${hex.length / 2}\n${hex}\n`),
    );
    const result = await inspectFile('a.png', png);
    expect(codes(result).sort()).toEqual(['image-exif', 'image-xmp']);
    expect(found(result, 'exif')[0]?.where).toBe('EXIF Artist');
    expect(found(result, 'xmp')).toHaveLength(1);
  });

  it('reads a private chunk’s text and data after IEND', async () => {
    const png = Buffer.concat([withPngChunks(await solid('png'), pngChunk('prVt', `owner ${PHONE}`)), Buffer.from('PK\x03\x04 hidden 李四')]);
    const result = await inspectFile('a.png', png);
    expect(codes(result)).toEqual(['image-trailing-data']);
    expect(found(result, 'strings')[0]?.where).toBe('PNG prVt 块');
    expect(found(result, 'strings', '李四')[0]?.where).toBe('图片末尾的附加数据');
  });

  it('stops inflating a compressed text chunk at the limit (a zTXt bomb)', async () => {
    const bomb = withPngChunks(await solid('png'), zTXt('Comment', Buffer.alloc(20 * 1024 * 1024)));
    const result = await inspectFile('a.png', bomb, { maxExpandedBytes: 1024 * 1024 });
    expect(codes(result)).toContain('expansion-limit');
    expect(result.texts.reduce((n, t) => n + t.text.length, 0)).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('inspectFile: GIF', () => {
  it('reads a comment extension', async () => {
    const result = await inspectFile('a.gif', withGifBlocks(await solid('gif'), gifComment(`拍摄者 ${PHONE}`)));
    expect([result.kind, ...codes(result)]).toEqual(['gif', 'image-comment']);
    expect(found(result, 'comment')[0]?.where).toBe('GIF 注释');
  });

  it('reads an XMP application extension (raw, with its magic trailer)', async () => {
    const result = await inspectFile('a.gif', withGifBlocks(await solid('gif'), gifXmp(xmpPacket(`李四 ${PHONE}`))));
    expect(codes(result)).toEqual(['image-xmp']);
    expect(found(result, 'xmp')[0]?.text).toMatch(/<\?xpacket end="w"\?>$/);
  });

  it('reads a plain-text extension and an unknown application extension', async () => {
    const plainText = Buffer.concat([Buffer.from([0x21, 0x01]), gifSubBlocks(Buffer.concat([Buffer.alloc(12), Buffer.from(PHONE)]))]);
    const application = Buffer.concat([Buffer.from([0x21, 0xff]), gifSubBlocks(`MYAPP01X1.0owner ${PHONE}`)]);
    const result = await inspectFile('a.gif', withGifBlocks(await solid('gif'), plainText, application));
    expect(codes(result)).toEqual(['image-comment']);
    expect(found(result, 'comment')[0]?.where).toBe('GIF 文字块');
    expect(found(result, 'strings')[0]?.where).toBe('GIF 应用扩展“MYAPP01X1.0”');
  });

  it('reads data after the trailer', async () => {
    const result = await inspectFile('a.gif', Buffer.concat([await solid('gif'), Buffer.from(PHONE)]));
    expect(codes(result)).toEqual(['image-trailing-data']);
  });
});

describe('inspectFile: WebP', () => {
  it('reads EXIF and XMP written by sharp', async () => {
    const result = await inspectFile('a.webp', await withSharpMetadata('webp'));
    expect(codes(result)).toEqual(['image-exif', 'image-xmp']);
    expect(found(result, 'exif')).toHaveLength(1);
  });

  it('reads EXIF (with GPS) and XMP chunks, an unknown chunk and data past the RIFF size', async () => {
    const webp = withWebpChunks(
      await solid('webp'),
      riffChunk('EXIF', exifBlock({ 0x010e: PHONE }, { gps: true })),
      riffChunk('XMP ', xmpPacket('李四')),
      riffChunk('ZZZZ', `note ${PHONE}`),
    );
    const result = await inspectFile('a.webp', Buffer.concat([webp, Buffer.from(`tail ${PHONE}`)]));
    expect(codes(result)).toEqual(['image-exif', 'image-xmp', 'image-trailing-data']);
    expect(result.problems[0]?.message).toContain('GPS');
    expect(found(result, 'strings').map((t) => t.where)).toEqual(['WebP ZZZZ 块', '图片末尾的附加数据']);
  });
});

describe('inspectFile: AVIF, HEIF, TIFF and ICO', () => {
  it('reads EXIF and XMP of an AVIF through sharp', async () => {
    const result = await inspectFile('a.avif', await withSharpMetadata('avif'));
    expect(codes(result)).toEqual(['image-exif', 'image-xmp']);
    expect(found(result, 'exif')).toHaveLength(1);
    expect(found(result, 'xmp')).toHaveLength(1);
  });

  it('a HEIC photo sharp cannot read is unreadable, and its readable text is still read', async () => {
    const box = Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1');
    const result = await inspectFile('IMG_0001.HEIC', Buffer.concat([box, Buffer.from(`Exif\0\0MM\0*owner ${PHONE}`, 'latin1')]));
    expect(result.kind).toBe('heif');
    expect(codes(result)).toEqual(['unreadable']);
    expect(found(result, 'strings')).toHaveLength(1);
  });

  it('reads XMP written into a TIFF by sharp, and text tags of a TIFF', async () => {
    const fromSharp = await inspectFile('a.tif', await withSharpMetadata('tiff'));
    expect(codes(fromSharp)).toContain('image-xmp');
    expect(found(fromSharp, 'xmp')).toHaveLength(1);
    const tagged = await inspectFile('scan.tiff', exifBlock({ 0x013b: `Zhang ${PHONE}` }));
    expect(codes(tagged)).toContain('image-exif');
    expect(found(tagged, 'exif')[0]?.where).toBe('TIFF Artist');
  });

  it('reads a PNG inside an ICO as a file of its own', async () => {
    const result = await inspectFile('favicon.ico', ico(await solid('png'), withPngChunks(await solid('png'), tEXt('Author', PHONE))));
    expect(result.problems.map((p) => p.message)).toEqual(['图标第 2 张图片：图片带有文字注释（PNG tEXt “Author”）']);
    expect(found(result, 'comment')[0]?.where).toBe('图标第 2 张图片 › PNG tEXt “Author”');
  });
});

describe('inspectFile: text files', () => {
  it.each([
    ['contacts.vcf', `BEGIN:VCARD\nFN:张三\nTEL:${PHONE}\nEND:VCARD\n`],
    ['名单.csv', `姓名,电话\n张三,${PHONE}\n`],
    ['notes.md', `# 备忘\n\n电话 ${PHONE}\n`],
    ['old.htm', `<html><body>${PHONE}</body></html>`],
  ])('reads %s as text', async (name, content) => {
    const result = await inspectFile(name, Buffer.from(content));
    expect(result.problems).toEqual([]);
    expect(found(result, 'content')).toHaveLength(1);
  });

  it('reads GBK (Excel’s CSV in China) and UTF-16 (Notepad’s “Unicode”) text', async () => {
    const gbk = await inspectFile('名单.csv', iconv.encode(`姓名,电话\n张三,${PHONE}\n`, 'gbk'));
    expect(found(gbk, 'content', '张三')[0]?.where).toBe('文本（GBK 编码）');
    const utf16 = await inspectFile('a.txt', utf16le(`李四 ${PHONE}`));
    expect(found(utf16, 'content', '李四')[0]?.where).toBe('文本（UTF-16 编码）');
  });

  it('reads the readable text in unknown binary data', async () => {
    const binary = Buffer.concat([
      Buffer.from([0, 1, 2, 3, 0xff, 0xfe]),
      Buffer.from(`王祥 ${PHONE}`),
      Buffer.from([0, 0, 7]),
      Buffer.from('li@example.com', 'utf16le'),
    ]);
    const result = await inspectFile('data.bin', binary);
    expect(result.kind).toBe('binary');
    expect(result.problems).toEqual([]);
    expect(result.texts.map((t) => t.text)).toEqual([`王祥 ${PHONE}`, 'li@example.com']);
  });

  it('knows documents and archives by their bytes, whatever their name, and reads their readable text', async () => {
    const docx = await inspectFile('logo.png', Buffer.concat([Buffer.from('PK\x03\x04\x14\0\0\0'), Buffer.from('word/document.xml')]));
    expect(docx.problems.map((p) => p.message)).toEqual(['文件扩展名是 .png（PNG 图片），内容却是“ZIP 压缩包或 Office 文档”']);
    const pdf = await inspectFile('通报.pdf', Buffer.from(`%PDF-1.7\n1 0 obj <</Author (${PHONE})>> endobj\n\x00\x01`, 'latin1'));
    expect([pdf.kind, pdf.problems]).toEqual(['pdf', []]);
    expect(found(pdf, 'strings')).toHaveLength(1);
  });

  it('knows WebAssembly and fonts by their bytes', async () => {
    expect((await inspectFile('pagefind/wasm.en.pagefind', Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).kind).toBe('wasm');
    expect((await inspectFile('a.woff2', Buffer.from('wOF2\0\x01\0\0'))).kind).toBe('font');
    // A text file that happens to start with "true" is not a TrueType font.
    expect((await inspectFile('flag.json', Buffer.from('true\n'))).kind).toBe('text');
  });
});

describe('inspectFile: content that does not match the extension', () => {
  it.each([
    ['logo.png', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'html'],
    ['logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    ['notes.txt', null, 'png'],
    ['photo.jpg', null, 'png'],
    ['app.js', Buffer.from('<html><script>x()</script></html>'), 'html'],
    ['icon.svg', Buffer.from('<!doctype html><p>hi</p>'), 'html'],
    ['blank.png', Buffer.alloc(0), 'empty'],
    ['page.html', gzipSync('<!DOCTYPE html>'), 'gzip'],
  ])('%s holding %s is a mismatch', async (name, bytes, kind) => {
    const result = await inspectFile(name, bytes ?? (await solid('png')));
    expect(result.kind).toBe(kind);
    expect(codes(result)).toContain('type-mismatch');
  });

  it('says what the name promises and what is there', async () => {
    const result = await inspectFile('logo.png', Buffer.from('<!DOCTYPE html><p>x</p>'));
    expect(result.problems[0]?.message).toBe('文件扩展名是 .png（PNG 图片），内容却是“HTML 网页”');
  });

  it('an ICO that is really a PNG, and a file whose extension promises nothing, are no mismatch', async () => {
    expect((await inspectFile('favicon.ico', await solid('png'))).problems).toEqual([]);
    expect((await inspectFile('fragment/en_1.pf_fragment', gzipSync('pagefind_dcd{"url":"/"}'))).problems).toEqual([]);
  });
});

describe('inspectFile: compressed copies', () => {
  it('reads the page inside a .gz', async () => {
    const result = await inspectFile('officers/li-si/index.html.gz', gzipSync(`<!DOCTYPE html><p>${PHONE}</p>`));
    expect(result).toMatchObject({ kind: 'gzip', contents: { path: 'officers/li-si/index.html', kind: 'html' }, problems: [] });
    expect(found(result, 'content')[0]?.where).toBe('gzip 解压后 › 文本');
  });

  it('reads a Brotli copy by its .br name', async () => {
    const result = await inspectFile('search.json.br', brotliCompressSync(Buffer.from(`{"tel":"${PHONE}"}`)));
    expect(result).toMatchObject({ kind: 'brotli', contents: { kind: 'text' }, problems: [] });
    expect(found(result, 'content')).toHaveLength(1);
  });

  it('reads Pagefind’s compressed binary index for the words in it', async () => {
    const index = gzipSync(
      Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0xa2, 0x66]), Buffer.from('王祥', 'utf8'), Buffer.from([0x82, 0x01, 0x02])]),
    );
    const result = await inspectFile('pagefind/index/zh_1a2b.pf_index', index);
    expect(result.contents?.kind).toBe('binary');
    expect(found(result, 'strings', '王祥')).toHaveLength(1);
  });

  it('reports an image’s metadata inside a .gz, saying where it was', async () => {
    const result = await inspectFile('a.png.gz', gzipSync(withPngChunks(await solid('png'), tEXt('Comment', PHONE))));
    expect(result.problems.map((p) => p.message)).toEqual(['gzip 解压后：图片带有文字注释（PNG tEXt “Comment”）']);
  });

  it('stops a gzip bomb at the limit, without its content', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(300 * 1024);
    const result = await inspectFile('bomb.html.gz', bomb);
    expect(codes(result)).toEqual(['expansion-limit']);
    expect(result.texts).toEqual([]);
  });

  it('stops nested compression at the depth limit', async () => {
    let bytes: Buffer = Buffer.from(PHONE);
    for (let i = 0; i < 8; i++) bytes = gzipSync(bytes);
    const result = await inspectFile('deep.gz', bytes);
    expect(codes(result)).toContain('expansion-limit');
  });

  it('reads what a truncated gzip holds and says it is damaged', async () => {
    const whole = gzipSync(`${PHONE} ${'x'.repeat(100_000)}`);
    const result = await inspectFile('a.txt.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(codes(result)).toEqual(['unreadable']);
    expect(found(result, 'content')).toHaveLength(1);
  });

  it('says a damaged Brotli file is unreadable', async () => {
    expect(codes(await inspectFile('a.js.br', Buffer.from('not brotli at all')))).toEqual(['unreadable']);
  });
});

describe('inspectFile: damaged and crafted files', () => {
  it.each([
    ['JPEG', 'a.jpg'],
    ['PNG', 'a.png'],
    ['GIF', 'a.gif'],
    ['WebP', 'a.webp'],
  ])('a truncated %s is unreadable, never an exception', async (_, name) => {
    const format = ({ 'a.jpg': 'jpeg', 'a.png': 'png', 'a.gif': 'gif', 'a.webp': 'webp' } as const)[name]!;
    const whole = await solid(format);
    const result = await inspectFile(name, whole.subarray(0, whole.length - 20));
    expect(codes(result)).toContain('unreadable');
  });

  it('never throws on any prefix of a file full of metadata', async () => {
    const files: [string, Buffer][] = [
      ['a.jpg', withJpegSegments(await withSharpMetadata('jpeg'), jpegSegment(0xfe, PHONE), jpegSegment(0xed, photoshopIptc(iptcBlock({ 120: PHONE }))))],
      ['a.png', withPngChunks(await withSharpMetadata('png'), tEXt('a', PHONE), zTXt('b', PHONE), iTXt('c', PHONE, true))],
      ['a.gif', withGifBlocks(await solid('gif'), gifComment(PHONE), gifXmp(xmpPacket(PHONE)))],
      ['a.webp', await withSharpMetadata('webp')],
      ['a.ico', ico(await withSharpMetadata('png'))],
      ['a.tif', exifBlock({ 0x010e: PHONE }, { gps: true })],
    ];
    for (const [name, bytes] of files) {
      for (let length = 0; length < bytes.length; length += 7) {
        const result = await inspectFile(name, bytes.subarray(0, length));
        expect(Array.isArray(result.problems), `${name} cut at ${length}`).toBe(true);
      }
    }
  });

  it('reads an EXIF block whose IFDs point at themselves once, and one claiming 65,535 huge entries without allocating', async () => {
    const loop = exifBlock({ 0x010e: PHONE });
    loop.writeUInt32LE(8, 8 + 2 + 12); // IFD0's next-IFD offset: itself
    const looped = await inspectFile(
      'a.jpg',
      withJpegSegments(await solid('jpeg'), jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), loop]))),
    );
    expect(found(looped, 'exif')).toHaveLength(1);

    const huge = Buffer.alloc(8 + 2 + 12 * 5);
    huge.write('II*\0', 0, 'latin1');
    huge.writeUInt32LE(8, 4);
    huge.writeUInt16LE(0xffff, 8);
    for (let i = 0; i < 5; i++) {
      huge.writeUInt16LE(0x010e, 10 + i * 12);
      huge.writeUInt16LE(2, 12 + i * 12);
      huge.writeUInt32LE(0xffffffff, 14 + i * 12);
    }
    const result = await inspectFile('a.webp', withWebpChunks(await solid('webp'), riffChunk('EXIF', huge)));
    expect(codes(result)).toContain('image-exif');
  });

  it('many EXIF entries pointing at the same long text are read a bounded number of times', async () => {
    const text = Buffer.from(`${PHONE} ${'x'.repeat(100_000)}\0`);
    const count = 5_000;
    const ifd = Buffer.alloc(2 + count * 12 + 4);
    ifd.writeUInt16LE(count, 0);
    for (let i = 0; i < count; i++) {
      ifd.writeUInt16LE(0x010e, 2 + i * 12);
      ifd.writeUInt16LE(2, 4 + i * 12);
      ifd.writeUInt32LE(text.length, 6 + i * 12);
      ifd.writeUInt32LE(8 + ifd.length, 10 + i * 12);
    }
    const block = Buffer.concat([Buffer.from('II*\0\x08\0\0\0', 'latin1'), ifd, text]);
    const started = performance.now();
    const result = await inspectFile('a.tif', block);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found(result, 'exif')).toHaveLength(1);
  });

  it('gives every problem a Chinese message and hint', async () => {
    const result = await inspectFile('a.jpg', withJpegSegments(await withSharpMetadata('jpeg'), jpegSegment(0xfe, PHONE)));
    const seen = new Set<FileProblemCode>();
    for (const problem of result.problems) {
      seen.add(problem.code);
      expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.hint).toMatch(/npm run photo/);
    }
    expect([...seen].sort()).toEqual(['image-comment', 'image-exif', 'image-xmp']);
  });
});
