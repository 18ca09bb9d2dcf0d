import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listPublicFiles, publicFileRule, publicFolderRule, type PublicFileCode } from '../../src/lib/public-folder';

/** Each file name dropped into public/, and what happens to it. */
const RULES: [string, 'publish' | 'ignore' | 'refuse', PublicFileCode][] = [
  // Images the site can serve.
  ['favicon.svg', 'publish', 'image'],
  ['favicon.ico', 'publish', 'image'],
  ['logo.png', 'publish', 'image'],
  ['images/banner.JPG', 'publish', 'image'],
  ['images/banner.jpeg', 'publish', 'image'],
  ['photo.webp', 'publish', 'image'],
  ['photo.avif', 'publish', 'image'],
  ['loading.gif', 'publish', 'image'],
  ['徽标.png', 'publish', 'image'],
  // Fonts.
  ['fonts/title.woff2', 'publish', 'font'],
  ['fonts/title.woff', 'publish', 'font'],
  ['fonts/title.ttf', 'refuse', 'font-format'],
  ['fonts/title.otf', 'refuse', 'font-format'],
  // Site files at the top, and in .well-known/.
  ['sogousiteverification.txt', 'publish', 'site-file'],
  ['humans.txt', 'publish', 'site-file'],
  ['manifest.json', 'publish', 'site-file'],
  ['site.webmanifest', 'publish', 'site-file'],
  ['browserconfig.xml', 'publish', 'site-file'],
  ['.well-known/security.txt', 'publish', 'site-file'],
  ['baidu_verify_codeva-AbC123.html', 'publish', 'verification'],
  ['google1234567890abcdef.html', 'publish', 'verification'],
  ['docs/名单.txt', 'refuse', 'data-file'],
  ['data/roster.json', 'refuse', 'data-file'],
  ['export.xml', 'refuse', 'data-file'],
  ['images/baidu_verify_x.html', 'refuse', 'page-or-script'],
  // What the build writes itself.
  ['robots.txt', 'refuse', 'generated-file'],
  ['rss.xml', 'refuse', 'generated-file'],
  ['sitemap-index.xml', 'refuse', 'generated-file'],
  ['404.html', 'refuse', 'generated-file'],
  ['pagefind/pagefind.js', 'refuse', 'generated-file'],
  // Pages and scripts.
  ['about.html', 'refuse', 'page-or-script'],
  ['old/index.htm', 'refuse', 'page-or-script'],
  ['analytics.js', 'refuse', 'page-or-script'],
  ['module.mjs', 'refuse', 'page-or-script'],
  ['setup.exe', 'refuse', 'page-or-script'],
  ['extra.css', 'refuse', 'stylesheet'],
  ['说明.md', 'refuse', 'markdown'],
  // Personal data the site cannot check.
  ['名单.csv', 'refuse', 'spreadsheet'],
  ['统计.xlsx', 'refuse', 'spreadsheet'],
  ['统计.xls', 'refuse', 'spreadsheet'],
  ['通讯录.vcf', 'refuse', 'personal-data'],
  ['backup.sql', 'refuse', 'personal-data'],
  ['事迹.doc', 'refuse', 'document'],
  ['事迹.docx', 'refuse', 'document'],
  ['通报.pdf', 'refuse', 'document'],
  ['照片.zip', 'refuse', 'archive'],
  ['page.html.gz', 'refuse', 'archive'],
  ['材料.7z', 'refuse', 'archive'],
  ['材料.rar', 'refuse', 'archive'],
  ['采访.mp4', 'refuse', 'media'],
  // Images to convert first.
  ['微信图片_20240101.jfif', 'refuse', 'convert-image'],
  ['IMG_0001.HEIC', 'refuse', 'convert-image'],
  ['scan.tif', 'refuse', 'convert-image'],
  ['scan.tiff', 'refuse', 'convert-image'],
  ['old.bmp', 'refuse', 'convert-image'],
  ['design.psd', 'refuse', 'convert-image'],
  // No extension, hidden, links, unknown.
  ['README', 'refuse', 'no-extension'],
  ['.env', 'refuse', 'hidden-file'],
  ['.htaccess', 'refuse', 'hidden-file'],
  ['.config/settings.png', 'refuse', 'hidden-file'],
  ['.well-known/apple-app-site-association', 'refuse', 'no-extension'],
  ['快捷方式.lnk', 'refuse', 'link'],
  ['data.bin', 'refuse', 'unknown-type'],
  // Litter of Windows, macOS and Office: not published, only a warning.
  ['Thumbs.db', 'ignore', 'system-file'],
  ['images/desktop.ini', 'ignore', 'system-file'],
  ['.DS_Store', 'ignore', 'system-file'],
  ['images/._logo.png', 'ignore', 'system-file'],
  ['~$名单.xlsx', 'ignore', 'system-file'],
  ['.~lock.名单.xlsx#', 'ignore', 'system-file'],
  ['__MACOSX/logo.png', 'ignore', 'system-file'],
  ['logo.png.crdownload', 'ignore', 'system-file'],
  ['.gitkeep', 'ignore', 'system-file'],
];

describe('publicFileRule', () => {
  it.each(RULES)('%s: %s (%s)', (file, verdict, code) => {
    expect(publicFileRule(file)).toMatchObject({ verdict, code });
  });

  it('reads Windows separators and a leading ./ the same way', () => {
    expect(publicFileRule('images\\banner.jpg')).toMatchObject({ verdict: 'publish', code: 'image' });
    expect(publicFileRule('./名单.csv')).toMatchObject({ verdict: 'refuse', code: 'spreadsheet' });
    expect(publicFileRule('docs\\名单.txt')).toMatchObject({ code: 'data-file' });
  });

  it('says what content each published file must have', () => {
    expect(publicFileRule('logo.png')).toEqual({ verdict: 'publish', code: 'image', kinds: ['png'] });
    expect(publicFileRule('favicon.ico')).toMatchObject({ kinds: ['ico', 'png', 'bmp'] });
    // A verification page must be the bare code: a page with markup is not one.
    expect(publicFileRule('baidu_verify_codeva-x.html')).toMatchObject({ kinds: ['text'] });
  });

  it.each(RULES.filter(([, verdict]) => verdict !== 'publish'))('%s has a Chinese message and hint', (file, verdict) => {
    const rule = publicFileRule(file);
    if (rule.verdict === 'publish') throw new Error('expected an exclusion');
    expect(rule.severity).toBe(verdict === 'ignore' ? 'warning' : 'error');
    expect(rule.message).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('tells what to do instead', () => {
    const hint = (file: string) => {
      const rule = publicFileRule(file);
      return rule.verdict === 'publish' ? '' : rule.hint;
    };
    expect(hint('名单.csv')).toContain('npm run import');
    expect(hint('a.jfif')).toContain('npm run photo');
    expect(hint('about.htm')).toContain('条目');
    expect(hint('说明.md')).toContain('npm run new');
    expect(hint('IMG_1.heic')).toContain('JPG');
  });
});

describe('publicFolderRule', () => {
  it.each([
    ['images', undefined],
    ['.well-known', undefined],
    ['.git', 'hidden-file'],
    ['images/.thumbnails', 'hidden-file'],
    ['__MACOSX', 'system-file'],
    ['$RECYCLE.BIN', 'system-file'],
  ])('%s → %s', (folder, code) => {
    expect(publicFolderRule(folder)?.code).toBe(code);
  });
});

describe('listPublicFiles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every file with its rule, hidden and system folders once, links without following them', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'public-'));
    for (const file of [
      'favicon.svg',
      'images/logo.png',
      'images/Thumbs.db',
      '名单.csv',
      '.git/config',
      '.git/objects/ab/cdef',
      '__MACOSX/._x',
      '.well-known/security.txt',
    ]) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x');
    }
    symlinkSync('/etc/hostname', path.join(dir, 'images/host.png'));
    expect(listPublicFiles(dir).map((f) => [f.path, f.rule.verdict, f.rule.code])).toEqual([
      ['.git/', 'refuse', 'hidden-file'],
      ['.well-known/security.txt', 'publish', 'site-file'],
      ['__MACOSX/', 'ignore', 'system-file'],
      ['favicon.svg', 'publish', 'image'],
      ['images/Thumbs.db', 'ignore', 'system-file'],
      ['images/host.png', 'refuse', 'link'],
      ['images/logo.png', 'publish', 'image'],
      ['名单.csv', 'refuse', 'spreadsheet'],
    ]);
  });
});
