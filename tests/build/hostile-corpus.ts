/**
 * The hostile corpus: input as it really arrives — typed with a Chinese IME in full-width mode,
 * pasted from Word or WeChat, padded the way official name lists are, dropped into `public/` — one
 * case per line, each with where it goes and what must happen to it. tests/build/hostile.test.ts
 * runs every case through the check, one build of all refused cases, one build of all the others,
 * and the privacy guard.
 *
 * The fixture (tests/fixtures/hostile) has one public person, 贾明华, and two who did not consent:
 * 贾明 (whose name stands inside 贾明华) and 甄押林; a shared honour names 贾明华 and 甄押林, count 2.
 */
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { exifBlock, gifComment, jpegSegment, solid, tEXt, withGifBlocks, withJpegSegments, withPngChunks } from '../unit/helpers/image-bytes';

export type Category =
  | 'number'
  | 'config'
  | 'name'
  | 'count'
  | 'file-name'
  | 'public-folder'
  | 'body'
  | 'yaml'
  | 'letter'
  | 'false-alarm';

/** What must happen to a case. */
export type Outcome =
  /** The check refuses it (so the build does), naming the file, the field and — in a text file — the line. */
  | { refused: { code: string; field?: string } }
  /** The check warns; the site is built. */
  | { warned: { code: string; field?: string } }
  /** The site is built, and none of `absent` is in any file of it (decompressed search index included). */
  | { harmless: { absent: readonly string[]; absentFiles?: readonly string[] } };

/** Where a case writes, and what would be published if nothing stopped it (for the guard). */
export interface Placement {
  /** Files written into the fixture, relative to the site folder. */
  files: Record<string, string | Buffer>;
  /** Fields set in site.config.yaml (YAML text of the value). */
  config?: Record<string, string>;
  /** The file the outcome names, relative to the site folder. */
  file: string;
  /** What reaches the site if nothing stops it: a text on a page, or a file as it is. Null where nothing would. */
  leak: { text: string } | { file: string; bytes: Buffer } | null;
}

export interface HostileCase extends Placement {
  id: string;
  category: Category;
  name: string;
  expect: Outcome;
}

type Builder = (id: string) => Placement | Promise<Placement>;

const LETTER = (fields: string, body: string) =>
  `---\nkind: letter\ndate: 2020-06-18\nfrom: 市民测试女士\nto:\n  officers: [jia-minghua]\nsummary: 测试感谢。\n${fields}---\n\n测试正文第一行。\n\n${body}\n`;

/** A letter whose body holds `text` (on line 12 of the file). */
const body = (text: string): Builder => (id) => ({ files: { [`content/letters/${id}.md`]: LETTER('', text) }, file: `content/letters/${id}.md`, leak: { text } });
/** A letter whose body shows a picture from an SVG beside it that carries a script: what Astro would copy into _astro/. */
const bodyWithSvg = (text: string): Builder => (id) => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script><metadata>作者 张三</metadata></svg>');
  return { files: { [`content/letters/${id}.md`]: LETTER('', text), 'content/letters/x.svg': svg }, file: `content/letters/${id}.md`, leak: { file: '_astro/x.Ab12Cd34.svg', bytes: svg } };
};
/** A letter with `field: value` in its frontmatter (`value` as YAML); `leak` is null where the value never reaches a page. */
const field = (name: string, value: string, leak: string | null = value): Builder => (id) => ({
  files: { [`content/letters/${id}.md`]: LETTER(`${name}: ${value}\n`, '').replace('summary: 测试感谢。\n', name === 'summary' ? '' : 'summary: 测试感谢。\n').replace('from: 市民测试女士\n', name === 'from' ? '' : 'from: 市民测试女士\n') },
  file: `content/letters/${id}.md`,
  leak: leak === null ? null : { text: leak },
});
/** An activity with `participants: value`. */
const participants = (value: string, leak = value): Builder => (id) => ({
  files: { [`content/activities/${id}.md`]: `---\ntitle: 测试活动\nkind: study\ndate: 2020-06-29\nunit: test-station\nsummary: 测试。\nparticipants: ${value}\n---\n` },
  file: `content/activities/${id}.md`,
  leak: { text: leak },
});
/** A small clean PNG, for the pictures the cases point at. */
const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#1f4e9c' } }).png().toBuffer();

/** An honour of 贾明华 with `extra` frontmatter lines, saved as `named` (default: the case id), with clean pictures named `images` beside it. */
const honor = (extra: string, { named = '', images = [] as string[], leak = null as Placement['leak'] } = {}): Builder => async (id) => ({
  files: {
    [`content/honors/${named || id}.md`]: `---\ntitle: 测试荣誉\nscope: individual\nawardedBy: 测试颁奖单位\nrecipients:\n  officers: [jia-minghua]\n${extra}---\n`,
    ...Object.fromEntries(await Promise.all(images.map(async (image) => [`content/honors/${image}`, await png()]))),
  },
  file: `content/honors/${named || id}.md`,
  // A picture is published under its own name: _astro/<name>.<hash>.webp.
  leak: leak ?? (images[0] ? { file: `_astro/${images[0].replace(/\.png$/, '')}.Ab12Cd34.webp`, bytes: await png() } : null),
});
/** A field of site.config.yaml. */
const config = (name: string, value: string): Builder => () => ({ files: {}, config: { [name]: value }, file: 'site.config.yaml', leak: { text: value } });
/** A file dropped into public/. */
const publicFile = (name: string, bytes: Buffer | string | (() => Promise<Buffer>)): Builder => async () => {
  const content = typeof bytes === 'function' ? await bytes() : Buffer.from(bytes);
  return { files: { [`public/${name}`]: content }, file: `public/${name}`, leak: { file: name, bytes: content } };
};
/** A whole letter file, as written. */
const letterFile = (text: string): Builder => (id) => ({ files: { [`content/letters/${id}.md`]: text }, file: `content/letters/${id}.md`, leak: null });

const refused = (code: string, fieldName?: string): Outcome => ({ refused: { code, ...(fieldName ? { field: fieldName } : {}) } });
const warned = (code: string, fieldName?: string): Outcome => ({ warned: { code, ...(fieldName ? { field: fieldName } : {}) } });
const harmless = (absent: readonly string[], absentFiles: readonly string[] = []): Outcome => ({ harmless: { absent, absentFiles } });

const ID_X = '32120219800101104X';
const wide = (text: string) => text.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A JPEG as a phone or WeChat saves it: GPS and the owner's mobile in EXIF. */
const phonePhoto = async () => withJpegSegments(await solid('jpeg'), jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock({ 0x013b: '张三 13912345678' }, { gps: true })])));
const YAML_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

/** [id, category, what it is, where it goes, what must happen]. */
const TABLE: [string, Category, string, Builder, Outcome][] = [
  ['mobile-ascii', 'number', 'a mobile number in a letter body', body('电话13912345678。'), refused('personal-data', '正文')],
  ['mobile-fullwidth', 'number', 'a mobile in full-width digits (an IME in full-width mode)', body('电话１３９１２３４５６７８。'), refused('personal-data', '正文')],
  ['id-fullwidth-x', 'number', 'an ID number in full-width digits ending in Ｘ', body(`身份证${wide(ID_X)}。`), refused('personal-data', '正文')],
  ['email-fullwidth-at', 'number', 'an e-mail address with a full-width ＠', body('邮箱li＠example.com。'), refused('personal-data', '正文')],
  ['mobile-nbsp', 'number', 'a mobile split by no-break spaces (pasted from Word)', body('电话139\u00a01234\u00a05678。'), refused('personal-data', '正文')],
  ['mobile-zwsp', 'number', 'a mobile split by zero-width spaces (pasted from WeChat)', body('电话139\u200b1234\u200b5678。'), refused('personal-data', '正文')],
  ['mobile-line-break', 'number', 'a mobile broken over two lines', body('电话139 1234\n5678。'), refused('personal-data', '正文')],
  ['mobile-brackets', 'number', 'a mobile in brackets', body('电话（139）1234 5678。'), refused('personal-data', '正文')],
  ['mobile-fullwidth-dash', 'number', 'a mobile with full-width dashes', body('电话139－1234－5678。'), refused('personal-data', '正文')],
  ['mobile-en-dash', 'number', 'a mobile with en dashes (Word autocorrect)', body('电话139–1234–5678。'), refused('personal-data', '正文')],
  ['mobile-slash', 'number', 'a mobile with slashes', body('电话139/1234/5678。'), refused('personal-data', '正文')],
  ['mobile-dots', 'number', 'a mobile with dots', body('电话139.1234.5678。'), refused('personal-data', '正文')],
  ['mobile-plus86', 'number', 'a mobile with +86', body('电话+86 139 1234 5678。'), refused('personal-data', '正文')],
  ['mobile-0086', 'number', 'a mobile with 0086', body('电话0086-13912345678。'), refused('personal-data', '正文')],
  ['mobile-trunk-0', 'number', 'a mobile with a trunk 0', body('电话013912345678。'), refused('personal-data', '正文')],
  ['mobile-one-by-one', 'number', 'a mobile with a space after every digit', body('电话 1 3 9 1 2 3 4 5 6 7 8。'), refused('personal-data', '正文')],
  ['id-grouped', 'number', 'an ID number grouped 6-8-4', body('身份证321202 19800101 0020。'), refused('personal-data', '正文')],
  ['id-ideographic-space', 'number', 'an ID grouped with ideographic spaces', body('身份证321202\u300019800101\u30000020。'), refused('personal-data', '正文')],
  ['bank-card-grouped', 'number', 'a bank card in groups of four', body('卡号6222 0202 0011 2233 446。'), refused('personal-data', '正文')],
  ['mobile-entities', 'number', 'a mobile written with HTML entities', body('电话<span>&#49;&#51;&#57;12345678</span>。'), refused('personal-data', '正文')],
  ['mobile-percent-link', 'number', 'a percent-encoded tel: link', body('[联系我们](tel:%31%33%39%31%32%33%34%35%36%37%38)'), refused('personal-data', '正文')],
  ['mobile-in-comment', 'number', 'a mobile inside an HTML comment', body('感谢。<!-- 写信人电话 13912345678 -->'), refused('personal-data', '正文')],
  ['mobile-split-by-markup', 'number', 'a mobile split by <b> tags', body('电话139<b>1234</b>5678。'), refused('personal-data', '正文')],
  ['mobile-split-by-comment', 'number', 'a mobile split by a comment', body('电话139<!-- x -->12345678。'), refused('personal-data', '正文')],
  ['mobile-summary-escape', 'number', 'a mobile in a YAML escape (\\u0031…)', field('summary', '"电话\\u0031\\u0033\\u00391234 5678"', '电话1391234 5678'), refused('personal-data', 'summary')],
  ['mobile-inscription', 'number', 'a mobile in a banner inscription', field('inscription', '感谢１３９－１２３４－５６７８'), refused('personal-data', 'inscription')],
  ['email-from', 'number', 'an e-mail address in the sender field', field('from', '市民李女士（li＠example．com）'), refused('personal-data', 'from')],
  ['mobile-source-url', 'number', 'a mobile inside a source URL', field('sources', '[{ title: 来信, url: "https://example.com/?tel=13912345678" }]', 'https://example.com/?tel=13912345678'), refused('personal-data', 'sources[0].url')],
  ['mobile-photo-alt', 'number', 'a mobile in the alt text of a picture', honor('certificate: x.png\ncertificateAlt: 奖状，署名电话 139 1234 5678\n', { images: ['x.png'], leak: { text: '奖状，署名电话 139 1234 5678' } }), refused('personal-data', 'certificateAlt')],
  ['mobile-config-title', 'config', 'a full-width mobile in the site title', config('title', '测试单位荣誉榜 １３９１２３４５６７８'), refused('personal-data', 'title')],
  ['mobile-config-description', 'config', 'a mobile split by NBSP in the description', config('description', '联系：139\u00a01234\u00a05678'), refused('personal-data', 'description')],
  ['mobile-config-unit-name', 'config', 'a mobile with +86 in the unit name', config('unitName', '测试大队（+86 139 1234 5678）'), refused('personal-data', 'unitName')],
  ['name-padded', 'name', 'a hidden name padded with a full-width space', participants('甄　押林、贾明华', '甄　押林'), refused('unpublished-trace', 'participants')],
  ['name-zwsp', 'name', 'a hidden name with a zero-width space inside', participants('甄\u200b押林'), refused('unpublished-trace', 'participants')],
  ['name-nbsp', 'name', 'a hidden name with a no-break space inside', participants('"甄\u00a0押林"', '甄\u00a0押林'), refused('unpublished-trace', 'participants')],
  ['name-markup', 'name', 'a hidden name split by <b>', body('参加的有甄押<b>林</b>。'), refused('unpublished-trace', '正文')],
  ['name-comment', 'name', 'a hidden name split by a comment', body('参加的有甄押<!-- -->林。'), refused('unpublished-trace', '正文')],
  ['name-emphasis', 'name', 'a hidden name split by Markdown emphasis', body('参加的有甄押**林**。'), refused('unpublished-trace', '正文')],
  ['name-entity', 'name', 'a hidden name written with an entity', body('参加的有甄押&#26519;。'), refused('unpublished-trace', '正文')],
  ['name-inside-public-alone', 'name', 'a hidden name that a public name contains, standing alone', body('53岁的民警贾明同志。'), refused('unpublished-trace', '正文')],
  ['name-others', 'name', 'a hidden name among an honour’s others', honor('  others: [甄押林]\n'), refused('unpublished-trace', 'recipients.others[0]')],
  ['name-link', 'name', 'a link to a hidden person’s page', body('[详情](/officers/zhen-yalin/)'), refused('unpublished-trace', '正文')],
  ['name-config-description', 'config', 'a hidden name in the site description', config('description', '测试单位甄押林等民警的事迹'), refused('unpublished-trace', 'description')],
  ['name-config-nav', 'config', 'a menu link to a hidden person’s page', config('nav', '[{ label: 首页, href: / }, { label: 辅警风采, href: /officers/zhen-yalin/ }]'), refused('unpublished-trace', 'nav[1].href')],
  ['name-public-svg', 'public-folder', 'a hidden name in an SVG of public/', publicFile('badge.svg', '<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10">辅警甄押林</text></svg>'), refused('unpublished-trace')],
  ['id-public-file-name', 'file-name', 'a picture in public/ named after a hidden person’s id', publicFile('zhen-yalin.png', png), refused('unpublished-trace')],
  ['name-inside-public', 'name', 'a hidden name inside the public name that contains it', body('感谢贾明华同志。'), harmless(['贾明同志'])],
  ['count-hidden', 'count', 'an honour counting a hidden recipient (等2人)', () => ({ files: {}, file: 'content/honors/shared-honor.md', leak: null }), harmless(['等2人', '等 2 人', '甄押林'])],
  ['id-in-certificate-name', 'file-name', 'a certificate named after a hidden person’s id', honor('certificate: zhen-yalin-jiangzhuang.png\ncertificateAlt: 奖状\n', { images: ['zhen-yalin-jiangzhuang.png'] }), refused('unpublished-trace', 'certificate')],
  ['id-in-entry-name', 'file-name', 'an honour whose file name holds a hidden person’s id', honor('', { named: 'zhen-yalin-sandenggong' }), refused('unpublished-trace', '文件名')],
  ['mobile-in-image-name', 'file-name', 'a photo saved as the owner’s mobile number', honor('certificate: 13912345678.png\ncertificateAlt: 奖状\n', { images: ['13912345678.png'] }), refused('personal-data', 'certificate')],
  ['public-jfif', 'public-folder', 'a .jfif with GPS and a mobile in EXIF', publicFile('banner.jfif', phonePhoto), refused('public-file')],
  ['public-jpeg-exif', 'public-folder', 'a .jpg with GPS and a mobile in EXIF', publicFile('banner.jpg', phonePhoto), refused('public-file')],
  ['public-png-text', 'public-folder', 'a PNG with a text chunk holding a mobile', publicFile('logo.png', async () => withPngChunks(await solid('png'), tEXt('Comment', '联系人 13912345678'))), refused('public-file')],
  ['public-gif-comment', 'public-folder', 'a GIF with a comment', publicFile('badge.gif', async () => withGifBlocks(await solid('gif'), gifComment('作者：张三 13912345678'))), refused('public-file')],
  ['public-svg-script', 'public-folder', 'an SVG with a <script>', publicFile('mark.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script></svg>'), refused('public-file')],
  ['public-svg-onload', 'public-folder', 'an SVG with an onload handler', publicFile('mark2.svg', '<svg xmlns="http://www.w3.org/2000/svg" ONLOAD="alert(1)"><rect width="1" height="1"/></svg>'), refused('public-file')],
  ['public-vcf', 'public-folder', 'a contact card', publicFile('contacts.vcf', 'BEGIN:VCARD\nFN:张三\nTEL:13912345678\nEND:VCARD\n'), refused('public-file')],
  ['public-csv', 'public-folder', 'a spreadsheet export', publicFile('roster.csv', '姓名,电话\n张三,13912345678\n'), refused('public-file')],
  ['public-md', 'public-folder', 'a Markdown file', publicFile('notes.md', '# 备忘\n张三 13912345678\n'), refused('public-file')],
  ['public-htm', 'public-folder', 'a web page', publicFile('old.htm', '<html><body><script>alert(1)</script></body></html>'), refused('public-file')],
  ['public-gz', 'public-folder', 'a gzip of a page holding a mobile', publicFile('page.html.gz', () => Promise.resolve(gzipSync('<html><body>电话13912345678</body></html>'))), refused('public-file')],
  ['public-js', 'public-folder', 'a script', publicFile('app.js', 'document.title="x"'), refused('public-file')],
  ['public-no-extension', 'public-folder', 'a file without an extension', publicFile('README', '说明'), refused('public-file')],
  ['public-disguised', 'public-folder', 'a web page named .png', publicFile('photo.png', '<html><body><script>alert(1)</script></body></html>'), refused('public-file')],
  ['public-txt-mobile', 'public-folder', 'a mobile in a top-level text file', publicFile('contact.txt', '联系我们：１３９ １２３４ ５６７８\n'), refused('personal-data')],
  ['public-thumbs-db', 'public-folder', 'Windows’ Thumbs.db', publicFile('Thumbs.db', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), harmless([], ['Thumbs.db'])],
  ['body-image-reference', 'body', 'a body image written reference-style', bodyWithSvg('![照片][p]\n\n[p]: ./x.svg'), refused('unsafe-body', '正文')],
  ['body-image-inline', 'body', 'an SVG (with a script) as a body image written inline', bodyWithSvg('![照片](./x.svg)'), refused('image-format', '正文')],
  ['body-image-outside', 'body', 'a body image reaching out of the entry’s folder', letterFile(LETTER('', '![照片](../../site.config.yaml)')), refused('unsafe-body', '正文')],
  ['body-image-data', 'body', 'a body image as a data: URI', letterFile(LETTER('', '![照片](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)')), refused('unsafe-body', '正文')],
  ['body-image-remote', 'body', 'a body image from a web address (a tracking pixel)', letterFile(LETTER('', '![照片](https://tracker.example/p.gif)')), refused('unsafe-body', '正文')],
  ['yaml-alias-bomb', 'yaml', 'a YAML alias bomb', letterFile(`---\n${YAML_BOMB}\n---\n`), refused('yaml')],
  ['yaml-js-function', 'yaml', 'a !!js/function tag', field('summary', '!!js/function "function () { return 1 }"', null), refused('yaml', 'summary')],
  ['yaml-python', 'yaml', 'a !!python/object tag', field('summary', '!!python/object:os.system "ls"', null), refused('yaml', 'summary')],
  ['yaml-merge-key', 'yaml', 'a merge key', letterFile('---\n<<: { kind: letter, date: 2020-06-18 }\nfrom: 市民测试女士\nto:\n  officers: [jia-minghua]\nsummary: 测试感谢。\n---\n'), refused('yaml')],
  ['summary-5m', 'yaml', 'a 5-million-character summary', field('summary', '长'.repeat(5_000_000), null), refused('too-long', 'summary')],
  ['letter-landline', 'letter', 'a landline in a letter', body('座机0523-86881234。'), warned('possible-personal-data', '正文')],
  ['letter-address', 'letter', 'a home address in a letter', body('家住东湖路88号3幢201室。'), warned('possible-personal-data', '正文')],
  ['letter-minor', 'letter', 'a child’s age and school in a letter', body('我8岁的儿子在实验小学读书。'), warned('possible-personal-data', '正文')],
  ['letter-full-name', 'letter', 'the writer’s full name as sender', field('from', '市民陈小红'), warned('possible-personal-data', 'from')],
  ['letter-chinese-numerals', 'letter', 'a mobile written in Chinese numerals', body('电话一三九一二三四五六七八。'), warned('possible-personal-data', '正文')],
  ['false-alarm-figures', 'false-alarm', 'dates, document numbers and figures', body('泰公〔2020〕123号，2020-06-18，核查9.5万余人次，2019 2020 2021 2022。'), harmless([])],
  ['false-alarm-hotline', 'false-alarm', 'the short public numbers 110 and 12345', body('报警请拨110，热线12345。'), harmless([])],
];

/** The corpus, with its files made. */
export async function hostileCorpus(): Promise<HostileCase[]> {
  return Promise.all(
    TABLE.map(async ([id, category, name, build, expect]) => ({ id, category, name, expect, ...(await build(id)) })),
  );
}

/** The YAML of the site config with `fields` set, for the fixture's config. */
export function configWith(base: string, fields: Record<string, string>): string {
  return Object.entries(fields).reduce(
    (text, [name, value]) => `${text.replace(new RegExp(`^${name}:.*\\n`, 'm'), '').trimEnd()}\n${name}: ${value}\n`,
    base,
  );
}

/** What must not be anywhere in a built site of this fixture: the hidden people, however spelt. */
export const HIDDEN = ['甄押林', 'zhen-yalin', 'zhenyalin', 'jia-ming/', '未同意公开的测试'];
