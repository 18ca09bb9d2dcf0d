import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, MAX_IMAGE_BYTES, type CheckResult } from '../../../src/lib/check/check-content';
import { imageFileProblems } from '../../../src/lib/check/check-images';
import { diskFs, type ContentFs } from '../../../src/lib/check/content-fs';
import { formatMegabytes } from '../../../src/lib/check/problem';
import type { Problem } from '../../../src/lib/check/problem';

const now = new Date('2026-06-01T04:00:00Z');
let png: Buffer;
const sites: string[] = [];

beforeAll(async () => {
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#1f4e9c' } }).png().toBuffer();
});

afterAll(() => {
  for (const dir of sites) rmSync(dir, { recursive: true, force: true });
});

/** A valid small unit: the brigade, one station, one officer with a portrait. */
const VALID: Record<string, string | null> = {
  'units/brigade.md': '---\nname: 测试大队\nkind: brigade\n---\n大队简介。\n',
  'units/station.md': '---\nname: 测试警务站\nkind: station\nparent: brigade\n---\n',
  'officers/wang-xiang.md':
    '---\nname: 王祥\nrole: auxiliary\nunit: station\nsummary: 辅警\nphoto: wang-xiang.png\nphotoAlt: 示意头像\nconsent: true\n---\n事迹。\n',
  'officers/wang-xiang.png': 'PNG',
  'honors/sandenggong.md': '---\ntitle: 个人三等功\nscope: individual\nawardedBy: 泰州市公安局\ndate: 2020-04\nrecipients:\n  officers: [wang-xiang]\n---\n',
  'letters/ganxiexin.md': '---\nkind: letter\ndate: 2020-05\nfrom: 市民李女士\nto:\n  officers: [wang-xiang]\nsummary: 感谢\n---\n',
  'stats/2020.yaml': 'title: 2020年数据\nunit: brigade\nperiod: { start: 2020-01, end: 2020-06 }\nmetrics:\n  - { key: cases, label: 警情, value: 386, unit: 起 }\n',
  'activities/dangke.md': '---\ntitle: 党课\nkind: study\ndate: 2020-06-29\nunit: brigade\nhost: wang-xiang\nsummary: 轮值主持\n---\n',
};

/**
 * Writes a content folder (the VALID unit with `changes` applied; null deletes a file) under a
 * temporary project folder and checks it. Files named *.png get a real PNG.
 */
function check(changes: Record<string, string | null> = {}, { base = VALID } = {}): CheckResult & { root: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-check-'));
  sites.push(root);
  const contentDir = path.join(root, 'content');
  mkdirSync(contentDir);
  for (const [file, text] of Object.entries({ ...base, ...changes })) {
    if (text === null) continue;
    const absolute = path.join(contentDir, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.endsWith('.png') ? png : text);
  }
  return { ...checkContent({ root, contentDir, now }), root };
}

const codes = (problems: readonly Problem[]) => problems.map((p) => `${p.file} ${p.code}`);

describe('checkContent', () => {
  it('passes a valid content folder with no problems and returns every entry', () => {
    const result = check();
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => `${e.collection}/${e.id}`)).toEqual([
      'units/brigade',
      'units/station',
      'officers/wang-xiang',
      'honors/sandenggong',
      'letters/ganxiexin',
      'stats/2020',
      'activities/dangke',
    ]);
    expect(result.entries[0]).toMatchObject({ file: 'content/units/brigade.md', body: '大队简介。\n', data: { name: '测试大队', kind: 'brigade' } });
    expect(result.entries[1]).toMatchObject({ collection: 'units' });
    expect(result.entries[1]?.collection === 'units' && result.entries[1].data.parent).toEqual({ collection: 'units', id: 'brigade' });
  });

  it('passes the sample unit as it ships (examples/hailing-xuntejing) with zero problems', () => {
    const root = path.resolve('.');
    const result = checkContent({ root, contentDir: path.join(root, 'examples', 'hailing-xuntejing', 'content'), now: new Date() });
    expect(result.problems).toEqual([]);
    expect(result.entries.length).toBeGreaterThan(20);
  });

  it('reports every problem of the folder together in one run', () => {
    const result = check({
      'units/station.md': '---\nname: 测试警务站\nkind: statoin\nparent: brigade\n---\n',
      'officers/wang-xiang.md': '---\nname: 王祥\nrole: auxiliary\nunit: station\nsummary: 辅警\nphoto: wang-xiang.png\nconsent: true\n---\n',
      'honors/sandenggong.md': '---\ntitle: 个人三等功\nscope: individual\nawardedBy: 泰州市公安局\ndate: 2020-02-30\nrecipients:\n  officers: [wang-xiang]\n---\n',
      'honors/broken.md': 'title: 没有 frontmatter\n',
      'letters/ganxiexin.md': '---\nkind: letter\ndate: 2020-05\nfrom: 市民李女士\nto:\n  officers: [wang-xaing]\nsummary: 感谢\n---\n',
      'stats/2020.yaml': 'title: a\ntitle: b\n',
      'activities/dangke.md': '---\ntitle: 党课\nkind: study\nunit: brigade\nsumary: 简介\n---\n',
    });
    expect(codes(result.problems)).toEqual([
      'content/activities/dangke.md required',
      'content/activities/dangke.md unknown-field',
      'content/honors/broken.md frontmatter-missing',
      'content/honors/sandenggong.md date',
      'content/letters/ganxiexin.md reference-missing',
      'content/officers/wang-xiang.md alt-missing',
      'content/stats/2020.yaml yaml',
      'content/units/station.md enum',
    ]);
  });

  it('sorts problems by file, then by line', () => {
    const { problems } = check({ 'honors/sandenggong.md': '---\ntitle: 个人三等功\nscope: individua\nawardedBy: ""\nrecipients:\n  officers: [nobody]\n---\n' });
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['content/honors/sandenggong.md', 3, 'enum'],
      ['content/honors/sandenggong.md', 4, 'required'],
      ['content/honors/sandenggong.md', 6, 'reference-missing'],
    ]);
  });

  describe('placeholders', () => {
    it('reports a placeholder in an id, date, choice or image field once, as a placeholder only', () => {
      const { problems } = check({
        'officers/li-si.md': '---\nname: 李四\nrole: （请填写：身份）\nunit: （请填写：所在单位 id）\nsummary: 辅警\nphoto: （请填写：照片）\nphotoAlt: 照片\n---\n事迹。\n',
        'honors/jiajiang.md':
          '---\ntitle: 嘉奖\nscope: individual\nawardedBy: 某局\ndate: （请填写：授予日期，如 2020-04）\nrecipients:\n  officers: [（请填写：获奖人物 id）]\n---\n事迹。\n',
      });
      expect(problems.map((p) => [p.file, p.field, p.code])).toEqual([
        ['content/honors/jiajiang.md', 'date', 'placeholder'],
        ['content/honors/jiajiang.md', 'recipients.officers[0]', 'placeholder'],
        ['content/officers/li-si.md', 'role', 'placeholder'],
        ['content/officers/li-si.md', 'unit', 'placeholder'],
        ['content/officers/li-si.md', 'photo', 'placeholder'],
      ]);
    });
  });

  describe('image size', () => {
    it('shows a file just over the limit as over it, and a photo command that works from the project folder', () => {
      const result = check({ 'officers/wang-xiang.md': VALID['officers/wang-xiang.md']!.replace('photo: wang-xiang.png', 'photo: big photo.jpg') });
      const big = path.join(result.root, 'content', 'officers', 'big photo.jpg');
      writeFileSync(big, '');
      truncateSync(big, MAX_IMAGE_BYTES + 1);
      const { problems } = checkContent({ root: result.root, contentDir: path.join(result.root, 'content'), now });
      expect(problems).toMatchObject([
        {
          code: 'image-size',
          file: 'content/officers/wang-xiang.md',
          message: '图片文件太大（20.01 MB，上限 20 MB）',
          hint: '先在项目文件夹中运行 npm run photo -- "content/officers/big photo.jpg" --for officers/wang-xiang 处理：它会把照片缩小到合适的尺寸并去除拍摄位置等信息',
        },
      ]);
    });

    it('rounds megabytes up', () => {
      expect(formatMegabytes(MAX_IMAGE_BYTES)).toBe('20 MB');
      expect(formatMegabytes(MAX_IMAGE_BYTES + 1)).toBe('20.01 MB');
      expect(formatMegabytes(25.5 * 1024 * 1024)).toBe('25.5 MB');
    });
  });

  describe('references', () => {
    it('reports a reference to a missing entry with the file, line, field and a suggestion', () => {
      const { problems } = check({
        'letters/ganxiexin.md': '---\nkind: letter\ndate: 2020-05\nfrom: 市民李女士\nto:\n  officers: [wang-xiang]\n  units:\n    - statoin\nsummary: 感谢\n---\n',
      });
      expect(problems).toMatchInlineSnapshot(`
        [
          {
            "code": "reference-missing",
            "field": "to.units[0]",
            "file": "content/letters/ganxiexin.md",
            "hint": "是不是 station（测试警务站）？id 是 content/units/ 中的文件名（不含 .md）；如果是新单位，请先创建 content/units/statoin.md",
            "line": 8,
            "message": "引用的单位 “statoin” 不存在",
            "severity": "error",
            "value": "statoin",
          },
        ]
      `);
    });

    it('reports a missing reference without a guess when no id is close, listing the ones that exist', () => {
      const { problems } = check({ 'activities/dangke.md': '---\ntitle: 党课\nkind: study\ndate: 2020\nunit: brigade\nhost: li-si\nsummary: s\n---\n' });
      expect(problems).toMatchObject([{ code: 'reference-missing', field: 'host', line: 6, value: 'li-si', message: '引用的人物 “li-si” 不存在' }]);
      expect(problems[0]?.hint).toBe('没有相近的 id；现有的人物只有 1 个：wang-xiang（王祥）。id 是 content/officers/ 中的文件名（不含 .md）；如果是新人物，请先创建 content/officers/li-si.md');
    });

    it('checks references in an entry that has other errors too', () => {
      const { problems } = check({ 'officers/wang-xiang.md': '---\nname: 王祥\nrole: auxiliary\nunit: nowhere\nconsent: true\n---\n' });
      expect(problems.map((p) => [p.code, p.field])).toEqual([
        ['required', 'summary'],
        ['reference-missing', 'unit'],
      ]);
    });

    it('does not call an entry missing when it exists but has errors of its own', () => {
      const { problems } = check({ 'units/station.md': '---\nname: 测试警务站\nkind: statoin\nparent: brigade\n---\n' });
      expect(codes(problems)).toEqual(['content/units/station.md enum']);
    });
  });

  describe('ids', () => {
    it('reports two files with the same id (a.md and a.mdx)', () => {
      const honorText = VALID['honors/sandenggong.md']!;
      const { problems, entries } = check({ 'honors/a.md': honorText, 'honors/a.mdx': honorText });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'id-duplicate',
          file: 'content/honors/a.mdx',
          value: 'a',
          message: 'id “a” 重复：content/honors/a.md 和 content/honors/a.mdx 会生成同一个网址',
          hint: 'id 就是文件名（不含扩展名和文件夹）。请给其中一个改名，如 a-2',
        },
      ]);
      expect(entries.filter((e) => e.id === 'a')).toHaveLength(1);
    });

    it('reports the same id in two sub-folders of a collection', () => {
      const honorText = VALID['honors/sandenggong.md']!;
      const { problems } = check({ 'honors/2019/same.md': honorText, 'honors/2020/same.md': honorText });
      expect(problems).toMatchObject([{ code: 'id-duplicate', file: 'content/honors/2020/same.md', value: 'same' }]);
    });

    it('allows the same id in different collections', () => {
      expect(check({ 'letters/wang-xiang.md': VALID['letters/ganxiexin.md']! }).problems).toEqual([]);
    });

    it.each(['王祥.md', 'Wang-Xiang.md', 'wang_xiang.md', 'wang xiang.md'])('reports the file name %s, which cannot be a URL id', (name) => {
      const { problems } = check({ [`officers/${name}`]: VALID['officers/wang-xiang.md']! });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'id-invalid',
          file: `content/officers/${name}`,
          value: name,
          message: `文件名 “${name}” 不能用作网址 id`,
          hint: '文件名就是网址中的 id：只用小写拼音字母、数字和连字符，如 wang-xiang.md',
        },
      ]);
    });
  });

  describe('images', () => {
    const withPhoto = (photo: string) =>
      `---\nname: 王祥\nrole: auxiliary\nunit: station\nsummary: 辅警\nphoto: ${photo}\nphotoAlt: 示意头像\nconsent: true\n---\n`;

    it('reports an image file that does not exist, on the line of the field', () => {
      expect(check({ 'officers/wang-xiang.md': withPhoto('wang-xaing.png') }).problems).toEqual([
        {
          severity: 'error',
          code: 'image-missing',
          file: 'content/officers/wang-xiang.md',
          line: 6,
          field: 'photo',
          value: 'wang-xaing.png',
          message: '找不到图片文件 wang-xaing.png',
          hint: '是不是 wang-xiang.png？图片路径相对于条目文件所在的文件夹；请检查文件名（区分大小写和扩展名），或把图片放到那里',
        },
      ]);
    });

    it.each([
      ['differing in case', 'IMG_0456.jpg', 'IMG_0456.JPG', '找不到图片文件 IMG_0456.jpg：文件夹中的是 IMG_0456.JPG（大小写不同）', '改成 photo: IMG_0456.JPG'],
      ['.jpeg for .jpg', 'IMG_0456.jpeg', 'IMG_0456.jpg', '找不到图片文件 IMG_0456.jpeg：文件夹中的是 IMG_0456.jpg（扩展名不同）', '改成 photo: IMG_0456.jpg'],
      ['.jpeg for .JPG', 'img_0456.jpeg', 'IMG_0456.JPG', '找不到图片文件 img_0456.jpeg：文件夹中的是 IMG_0456.JPG（扩展名不同）', '改成 photo: IMG_0456.JPG'],
      ['in a sub-folder', 'photos/IMG_0456.png', 'photos/IMG_0456.PNG', '找不到图片文件 photos/IMG_0456.png：文件夹中的是 IMG_0456.PNG（大小写不同）', '改成 photo: photos/IMG_0456.PNG'],
    ])('names the file that exists for an image name %s', (_case, written, existing, message, fix) => {
      const { problems } = check({ [`officers/${existing}`]: 'JPEG', 'officers/wang-xiang.md': withPhoto(written) });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'image-missing',
          file: 'content/officers/wang-xiang.md',
          line: 6,
          field: 'photo',
          value: written,
          message,
          hint: `文件名要与实际文件完全一致（区分大小写和扩展名）：${fix}`,
        },
      ]);
    });

    it('refuses a name differing in case on a disk that ignores case (Windows), where the server would not find it', () => {
      const { root } = check({ 'officers/IMG_0456.JPG': 'JPEG', 'officers/wang-xiang.md': withPhoto('IMG_0456.jpg') });
      // Windows finds IMG_0456.jpg when IMG_0456.JPG is there.
      const windows: ContentFs = {
        ...diskFs,
        isFile: (file) => readdirSync(path.dirname(file)).some((name) => name.toLowerCase() === path.basename(file).toLowerCase()),
      };
      const { problems } = checkContent({ root, contentDir: path.join(root, 'content'), now, fs: windows });
      expect(problems).toMatchObject([{ code: 'image-missing', line: 6, message: '找不到图片文件 IMG_0456.jpg：文件夹中的是 IMG_0456.JPG（大小写不同）' }]);
    });

    it('passes an image named exactly, in any case', () => {
      expect(check({ 'officers/IMG_0456.JPG': 'JPEG', 'officers/wang-xiang.md': withPhoto('IMG_0456.JPG') }).problems).toEqual([]);
    });

    it('finds an image in a sub-folder, relative to the entry file', () => {
      expect(check({ 'officers/photos/wang.png': 'PNG', 'officers/wang-xiang.md': withPhoto('photos/wang.png') }).problems).toEqual([]);
    });

    it.each(['https://example.com/wang.png', 'data:image/jpeg;base64,/9j/4AAQ', '/images/wang.png', 'D:/照片/wang.png', 'D:\\照片\\wang.png', '\\\\server\\照片\\wang.png', 'C:wang.png', 'Ｄ：\\照片\\wang.png'])('reports the image %s, which is not a local file', (photo) => {
      expect(check({ 'officers/wang-xiang.md': withPhoto(photo) }).problems).toMatchObject([
        {
          code: 'image-missing',
          field: 'photo',
          line: 6,
          value: photo,
          message: 'photo 必须是本地图片文件，不能是网址或绝对路径',
          hint: '把图片放在 content/officers/ 中（与条目文件同一文件夹），这里只写文件名，如 wang-xiang.jpg',
        },
      ]);
    });

    it.each(['../units/wang.png', 'photos/../../wang.png', '..\\wang.png', '．．/units/wang.png'])('reports the image %s, outside the entry’s folder, even when it is there', (photo) => {
      expect(check({ 'units/wang.png': 'PNG', 'wang.png': 'PNG', 'officers/wang-xiang.md': withPhoto(photo) }).problems).toMatchObject([
        {
          code: 'image-missing',
          field: 'photo',
          line: 6,
          value: photo,
          message: 'photo 的图片在条目文件所在文件夹之外（路径中有 ..）',
          hint: '把图片放在 content/officers/ 中（与条目文件同一文件夹），这里只写文件名，如 wang-xiang.jpg',
        },
      ]);
    });

    it.each([['wang.svg', '.svg'], ['wang', '无扩展名']])('reports the unsupported image format of %s', (photo, shown) => {
      expect(check({ 'officers/wang-xiang.md': withPhoto(photo) }).problems).toMatchObject([
        { code: 'image-format', field: 'photo', message: `photo 的图片格式 “${shown}” 不受支持` },
      ]);
    });

    describe('in the body', () => {
      // The entry of VALID, whose body starts on line 10: the picture stands on line 12.
      const withBody = (picture: string) => VALID['officers/wang-xiang.md']!.replace('事迹。\n', `事迹。\n\n${picture}\n`);

      it('passes a picture next to the entry, in its folder or a sub-folder, and names it for the check of its contents', () => {
        const result = check({ 'officers/zhiqin.png': 'PNG', 'officers/照片/2020 巡逻.png': 'PNG', 'officers/wang-xiang.md': withBody('![民警执勤](./zhiqin.png)\n\n![巡逻](照片/2020%20巡逻.png)') });
        expect(result.problems).toEqual([]);
        expect(result.images?.filter((i) => i.field === '正文').map((i) => [i.line, i.value, path.relative(result.root, i.path)])).toEqual([
          [12, './zhiqin.png', path.join('content', 'officers', 'zhiqin.png')],
          [14, '照片/2020 巡逻.png', path.join('content', 'officers', '照片', '2020 巡逻.png')],
        ]);
        expect(result.entries.find((e) => e.id === 'wang-xiang')?.bodyImages).toEqual([
          { path: './zhiqin.png', line: 12 },
          { path: '照片/2020 巡逻.png', line: 14 },
        ]);
      });

      it.each([
        ['a missing file', './zhiqin.png', {}, '找不到图片文件 ./zhiqin.png', '图片路径相对于条目文件所在的文件夹'],
        ['a name differing in case', './IMG_0456.jpg', { 'officers/IMG_0456.JPG': 'JPEG' }, '找不到图片文件 ./IMG_0456.jpg：文件夹中的是 IMG_0456.JPG（大小写不同）', '改成 ![图片说明](./IMG_0456.JPG)'],
        ['a .tif', './scan.tif', { 'officers/scan.tif': 'TIFF' }, '正文 的图片格式 “.tif” 不受支持', '把图片文件改名为 scan.tiff（只改扩展名），这里写成 ![图片说明](./scan.tiff)'],
        ['an SVG', './logo.svg', { 'officers/logo.svg': '<svg/>' }, '正文 的图片格式 “.svg” 不受支持', '请转换为'],
      ])('refuses %s at the line of the picture, saying what to write', (_case, file, files, message, hint) => {
        const problems = check({ ...files, 'officers/wang-xiang.md': withBody(`![民警执勤](${file})`) }).problems.filter((p) => p.severity === 'error');
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ severity: 'error', file: 'content/officers/wang-xiang.md', field: '正文', line: 12, message });
        expect(problems[0]!.hint).toContain(hint);
      });

      it('refuses a picture too large, with the photo command for it', () => {
        const result = check({ 'officers/wang-xiang.md': withBody('![民警执勤](./big.jpg)'), 'officers/big.jpg': '' });
        truncateSync(path.join(result.root, 'content', 'officers', 'big.jpg'), MAX_IMAGE_BYTES + 1);
        expect(checkContent({ root: result.root, contentDir: path.join(result.root, 'content'), now }).problems).toMatchObject([
          { code: 'image-size', field: '正文', line: 12, hint: '先在项目文件夹中运行 npm run photo -- content/officers/big.jpg --for officers/wang-xiang 处理：它会把照片缩小到合适的尺寸并去除拍摄位置等信息' },
        ]);
      });

      it('reads what is inside the picture as the build will: a file that is no picture is refused at its line', async () => {
        const result = check({ 'officers/wang-xiang.md': withBody('![民警执勤](./zhiqin.jpg)'), 'officers/zhiqin.jpg': '这不是图片' });
        expect(result.problems).toEqual([]);
        expect(await imageFileProblems(result.images!, diskFs)).toMatchObject([
          { code: 'image-format', file: 'content/officers/wang-xiang.md', field: '正文', line: 12, message: './zhiqin.jpg 不是能读取的图片（文件损坏，或其实是别的文件改了扩展名），生成网站时会出错' },
        ]);
      });

      it('refuses a picture outside the entry’s folder, and an empty or placeholder description, at their lines', () => {
        const { problems } = check({
          'units/brigade.png': 'PNG',
          'officers/zhiqin.png': 'PNG',
          'officers/wang-xiang.md': withBody('![民警执勤](../units/brigade.png)\n\n![](./zhiqin.png)\n\n![（请填写：图片的文字说明）](./zhiqin.png)'),
        });
        expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
          [12, 'unsafe-body', '正文中的图片“../units/brigade.png”在条目文件所在文件夹之外（路径中有 ..）'],
          [14, 'unsafe-body', '正文中的图片 ./zhiqin.png 缺少文字说明'],
          [16, 'placeholder', '还没有填写：图片的文字说明'],
        ]);
      });
    });

    it('checks the image of an entry that has other errors', () => {
      const text = withPhoto('missing.png').replace('role: auxiliary', 'role: cadet');
      expect(codes(check({ 'officers/wang-xiang.md': text }).problems).sort()).toEqual([
        'content/officers/wang-xiang.md enum',
        'content/officers/wang-xiang.md image-missing',
      ]);
    });
  });

  describe('the unit tree', () => {
    it('reports two units without a parent', () => {
      const { problems } = check({ 'units/second.md': '---\nname: 另一个大队\nkind: brigade\n---\n' });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'unit-tree',
          file: 'content/units/second.md',
          field: 'parent',
          message: '有 2 个单位没有填写 parent（content/units/brigade.md、content/units/second.md），本站单位只能有一个',
          hint: '不填 parent 的单位就是本站单位（如大队）；其他单位（中队、警务站、党支部）都要填写 parent: 上级单位 id',
        },
      ]);
    });

    it('reports a cycle of parents once, showing the loop', () => {
      const { problems } = check({
        'units/brigade.md': '---\nname: 测试大队\nkind: brigade\nparent: station\n---\n',
        'units/outside.md': '---\nname: 外部\nkind: other\nparent: brigade\n---\n',
      });
      expect(problems).toEqual([
        expect.objectContaining({ code: 'unit-tree', file: 'content/units/brigade.md', message: '没有本站单位：每个单位都填写了 parent' }),
        expect.objectContaining({
          code: 'unit-tree',
          file: 'content/units/brigade.md',
          field: 'parent',
          value: 'station',
          message: '上级单位形成了循环：brigade → station → brigade',
        }),
      ]);
    });

    it('reports a unit that is its own parent', () => {
      const { problems } = check({ 'units/station.md': '---\nname: 测试警务站\nkind: station\nparent: station\n---\n' });
      expect(problems).toMatchObject([{ code: 'unit-tree', file: 'content/units/station.md', message: '上级单位形成了循环：station → station' }]);
    });

    it.each([
      ['a draft', 'draft: true', 'draft'],
      ['internal', 'visibility: internal', 'visibility'],
      ['embargoed', 'publishDate: 2027-01-01', 'publishDate'],
    ])('reports a root unit that is %s, since the site cannot be built without it', (_name, line, field) => {
      const { problems } = check({ 'units/brigade.md': `---\nname: 测试大队\nkind: brigade\n${line}\n---\n` });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'unit-tree',
          file: 'content/units/brigade.md',
          field,
          message: '本站单位未公开（草稿、内部或未到发布时间），网站无法生成',
          hint: '本站单位必须公开：删除 draft、visibility: internal 或 publishDate',
        },
      ]);
    });

    it('accepts a root unit whose publishDate has passed', () => {
      expect(check({ 'units/brigade.md': '---\nname: 测试大队\nkind: brigade\npublishDate: 2020-01-01\n---\n' }).problems).toEqual([]);
    });

    it('reports a content folder without any unit, naming this site’s units folder', () => {
      const { problems } = check({}, { base: {} });
      expect(problems).toEqual([
        {
          severity: 'error',
          code: 'unit-tree',
          file: 'content/units',
          message: '还没有任何单位：网站至少需要本站单位',
          hint: '新建 content/units/<拼音>.md，写明 name 和 kind（不填 parent）',
        },
      ]);
    });

    it('does not report the root as missing when the root file has errors of its own', () => {
      const { problems } = check({ 'units/brigade.md': '---\nname: 测试大队\nkind: brigad\n---\n' });
      expect(codes(problems)).toEqual(['content/units/brigade.md enum']);
    });

    it('does not report “no units” when the only unit file has errors of its own', () => {
      const { problems } = check({ 'units/brigade.md': '---\nname: 测试大队\nkind: brigad\n---\n' }, { base: {} });
      expect(codes(problems)).toEqual(['content/units/brigade.md enum']);
    });
  });

  describe('warnings', () => {
    it('warns about a folder that is not a collection, suggesting the likely one', () => {
      const { problems } = check({ 'officer/li-si.md': VALID['officers/wang-xiang.md']! });
      expect(problems).toEqual([
        {
          severity: 'warning',
          code: 'file-ignored',
          file: 'content/officer',
          message: '文件夹 officer 不是内容类别，其中的文件不会被读取',
          hint: '是不是 officers？内容类别文件夹只有：units、officers、honors、letters、stats、activities、points',
        },
      ]);
    });

    it('warns about a file with an extension the collection does not read', () => {
      const { problems } = check({ 'honors/notes.txt': '备忘', 'stats/2021.json': '{}' });
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'file-ignored', file: 'content/honors/notes.txt', hint: expect.stringContaining('.md') }),
        expect.objectContaining({ severity: 'warning', code: 'file-ignored', file: 'content/stats/2021.json', hint: '数据请写成 .yaml 文件' }),
      ]);
      expect(problems[0]?.message).toBe('这个文件不会被读取：honors 中只读取 .md、.mdx 文件和图片');
    });

    it('ignores hidden system files such as .DS_Store and .gitkeep', () => {
      expect(check({ 'honors/.DS_Store': 'x', 'officers/.gitkeep': '' }).problems).toEqual([]);
    });

    it('does not warn about images next to the entries', () => {
      expect(check({ 'honors/certificate.jpg': 'JPG' }).problems).toEqual([]);
    });

    it('reads .yml stats and .mdx entries', () => {
      const { problems, entries } = check({
        'stats/2020.yaml': null,
        'stats/2020.yml': VALID['stats/2020.yaml']!,
        'honors/sandenggong.md': null,
        'honors/sandenggong.mdx': VALID['honors/sandenggong.md']!,
      });
      expect(problems).toEqual([]);
      expect(entries.map((e) => e.file)).toEqual(expect.arrayContaining(['content/stats/2020.yml', 'content/honors/sandenggong.mdx']));
    });

    it('warns that an officer without consent will not be published, but not for a draft', () => {
      const noConsent = VALID['officers/wang-xiang.md']!.replace('consent: true\n', '');
      expect(check({ 'officers/wang-xiang.md': noConsent }).problems).toMatchObject([
        { severity: 'warning', code: 'consent-missing', file: 'content/officers/wang-xiang.md', field: 'consent' },
      ]);
      expect(check({ 'officers/wang-xiang.md': noConsent.replace('name: 王祥', 'name: 王祥\ndraft: true') }).problems).toEqual([]);
    });

    it('warns when a metric changes its counting word between periods', () => {
      const { problems } = check({
        'stats/2021.yaml': 'title: 2021年数据\nunit: brigade\nperiod: { start: 2021-01, end: 2021-06 }\nmetrics:\n  - { key: cases, label: 警情, value: 5, unit: 人次 }\n',
      });
      expect(problems).toMatchObject([
        {
          severity: 'warning',
          file: 'content/stats/2021.yaml',
          field: 'metrics[0].unit',
          value: '人次',
          message: '指标 cases 的计量单位是 “人次”，而 content/stats/2020.yaml 中是 “起”',
        },
      ]);
    });
  });

  describe('file contents', () => {
    it('reports a file without frontmatter and checks nothing else in it', () => {
      const { problems, entries } = check({ 'honors/sandenggong.md': 'title: 个人三等功\n' });
      expect(problems).toMatchObject([{ code: 'frontmatter-missing', file: 'content/honors/sandenggong.md', line: 1 }]);
      expect(entries.some((e) => e.id === 'sandenggong')).toBe(false);
    });

    it('reports an impossible date with its field and line', () => {
      const { problems } = check({ 'letters/ganxiexin.md': VALID['letters/ganxiexin.md']!.replace('date: 2020-05', 'date: 2021-02-29') });
      expect(problems).toMatchObject([{ code: 'date', file: 'content/letters/ganxiexin.md', line: 3, field: 'date', value: '2021-02-29' }]);
    });

    it('points an unknown field at its own line', () => {
      const { problems } = check({ 'units/station.md': '---\nname: 测试警务站\nkind: station\nparent: brigade\nadress: 海陵区\n---\n' });
      expect(problems).toMatchObject([{ code: 'unknown-field', field: 'adress', line: 5, hint: '可能是拼写错误：adress → address。字段名区分大小写' }]);
    });

    it('reports a missing content folder', () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-check-'));
      sites.push(root);
      const { problems } = checkContent({ root, contentDir: path.join(root, 'content'), now });
      expect(problems[0]).toMatchObject({ severity: 'error', code: 'config', file: 'content', message: '找不到内容文件夹' });
    });
  });
});

describe('personal data and overdue drafts', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-pii-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), text);
  };
  write('units/root.md', '---\nname: 测试大队\nkind: brigade\nservices: [服务热线 0523-86666666]\n---\n');
  write(
    'letters/call.md',
    '---\nkind: call\ndate: 2020-05-06\nfrom: 市民（电话13812345678）\nto:\n  units: [root]\nsummary: 感谢。\n---\n\n第一行正文。\n请回电 13912345678，或发邮件 a.b@example.com。\n',
  );
  write('honors/overdue.md', '---\ntitle: 草稿荣誉\nscope: collective\nawardedBy: 某单位\nrecipients:\n  units: [root]\ndraft: true\npublishDate: 2020-01-01\n---\n');

  it('reports a mobile number in a field and in the body, masked, with its line and field', () => {
    const { problems } = checkContent({ root, contentDir: path.join(root, 'content'), now: new Date('2026-06-01T00:00:00Z') });
    const pii = problems.filter((p) => p.code === 'personal-data');
    expect(pii.map((p) => [p.field, p.line, p.value])).toEqual([
      ['from', 4, '138****5678'],
      ['正文', 11, '139****5678'],
      ['正文', 11, 'a***@example.com'],
    ]);
    expect(pii[0]!.message).toBe('含有手机号码（138****5678），不能公开发布');
    expect(pii.every((p) => p.severity === 'error')).toBe(true);
  });

  it('lets an allow-listed number through', () => {
    const { problems } = checkContent({ root, contentDir: path.join(root, 'content'), now: new Date(), privacyAllow: ['13812345678', '139 1234 5678', 'a.b@example.com'] });
    expect(problems.filter((p) => p.code === 'personal-data')).toEqual([]);
  });

  it('warns about a draft whose publishDate has passed', () => {
    const { problems } = checkContent({ root, contentDir: path.join(root, 'content'), now: new Date('2026-06-01T00:00:00Z') });
    expect(problems.filter((p) => p.code === 'draft-overdue')).toEqual([
      expect.objectContaining({ severity: 'warning', file: expect.stringContaining('honors/overdue.md'), field: 'draft' }),
    ]);
  });
});

describe('traces of unpublished people in published entries', () => {
  const hidden = {
    'officers/chen-yalin.md': '---\nname: 陈押林\nrole: police\nunit: station\nsummary: 未同意公开的民警\n---\n',
    'officers/zhang-wei.md': '---\nname: 章伟\nrole: police\nunit: station\nsummary: 未同意公开的民警\n---\n',
    'officers/zhang-weihua.md': '---\nname: 章伟华\nrole: police\nunit: station\nsummary: 公开的民警\nconsent: true\n---\n',
  };
  const traces = (changes: Record<string, string | null>) =>
    check({ ...hidden, ...changes }).problems.filter((p) => p.code === 'unpublished-trace').map((p) => [p.file.replace(/^.*content\//, ''), p.field, p.line, p.value]);
  const activity = (participants: string, body = '') =>
    `---\ntitle: 党课\nkind: study\ndate: 2020-06-29\nunit: brigade\nsummary: 学习\nparticipants: ${participants}\n---\n\n${body}\n`;

  it.each([
    ['a padded name list', '陈　押林、王　祥'],
    ['a zero-width space inside', '陈\u200b押林'],
    ['a no-break space inside', '"陈\u00a0押林"'],
  ])('reports the name in a field: %s', (_case, participants) => {
    expect(traces({ 'activities/dangke.md': activity(participants) })).toEqual([['activities/dangke.md', 'participants', 7, '陈押林']]);
  });

  it.each([
    ['markup inside', '第一行。\n\n参加的有陈押<b>林</b>。'],
    ['Markdown emphasis inside', '第一行。\n\n参加的有陈押**林**。'],
    ['a line break inside', '第一行。\n\n参加的有陈押\n林。'],
  ])('reports the name in the body, with its line: %s', (_case, body) => {
    expect(traces({ 'activities/dangke.md': activity('全体党员', body) })).toEqual([['activities/dangke.md', '正文', 12, '陈押林']]);
  });

  it('does not report a hidden name where it is part of a public one, and does where it stands alone', () => {
    expect(traces({ 'activities/dangke.md': activity('全体党员', '章伟华同志主持。') })).toEqual([]);
    expect(traces({ 'activities/dangke.md': activity('全体党员', '章伟华同志主持。\n\n53岁的民警章伟讲话。') })).toEqual([['activities/dangke.md', '正文', 12, '章伟']]);
  });

  it('reports a hidden person’s id in an image file name and in an entry’s own file name', () => {
    const honor = (extra: string) => `---\ntitle: 个人三等功\nscope: individual\nawardedBy: 泰州市公安局\nrecipients:\n  officers: [wang-xiang]\n${extra}---\n`;
    expect(
      traces({
        'honors/sandenggong.md': honor('certificate: zhang-wei-jiangzhuang.png\ncertificateAlt: 奖状\n'),
        'honors/zhang-wei-jiangzhuang.png': 'PNG',
        'honors/chen-yalin-sandenggong.md': honor(''),
      }),
    ).toEqual([
      ['honors/chen-yalin-sandenggong.md', '文件名', undefined, 'chen-yalin'],
      ['honors/sandenggong.md', 'certificate', 7, 'zhang-wei'],
    ]);
  });

  it('reports a body picture named after a hidden person, at its line', () => {
    expect(traces({ 'activities/dangke.md': activity('全体党员', '![党课现场](./chen-yalin-1.jpg)'), 'activities/chen-yalin-1.jpg': 'JPEG' })).toEqual([['activities/dangke.md', '正文', 10, 'chen-yalin']]);
  });

  it('makes the pictures of a hidden entry’s body traces the guard looks for, unless a published entry shows the same', () => {
    const result = check({ ...hidden, 'officers/chen-yalin.md': `${hidden['officers/chen-yalin.md']}\n![值班](./chen-zhiban.png)\n`, 'officers/chen-zhiban.png': 'PNG' });
    expect(result.traces?.canaries).toContainEqual({ text: 'chen-zhiban', entry: 'officers/chen-yalin', what: '图片', place: 'path' });
    const shared = check({
      ...hidden,
      'officers/chen-yalin.md': `${hidden['officers/chen-yalin.md']}\n![值班](./chen-zhiban.png)\n`,
      'officers/chen-zhiban.png': 'PNG',
      'activities/dangke.md': activity('全体党员', '![值班](../officers/chen-zhiban.png)'),
    });
    // ../ is refused, so the public entry cannot share it: the canary stays.
    expect(shared.traces?.canaries.map((c) => c.text)).toContain('chen-zhiban');
  });

  it('says nothing once the person has consented', () => {
    const consented = { 'officers/chen-yalin.md': hidden['officers/chen-yalin.md'].replace('---\n\n', '').replace('summary: 未同意公开的民警\n', 'summary: 民警\nconsent: true\n') };
    expect(check({ ...hidden, ...consented, 'activities/dangke.md': activity('陈押林') }).problems.filter((p) => p.code === 'unpublished-trace')).toEqual([]);
  });
});

describe('letters from the public, as they arrive', () => {
  const letter = (from: string, body: string) => `---\nkind: letter\ndate: 2020-05\nfrom: ${from}\nto:\n  officers: [wang-xiang]\nsummary: 感谢\n---\n\n${body}\n`;
  const found = (from: string, body: string) =>
    check({ 'letters/ganxiexin.md': letter(from, body) }).problems.map((p) => [p.severity, p.code, p.field, p.line, p.value]);

  it('refuses a mobile number typed in full-width digits and split over two lines, naming its line', () => {
    expect(found('市民李女士', '第一行。\n电话１３９ １２３４\n５６７８。')).toEqual([['error', 'personal-data', '正文', 11, '139 **** 5678']]);
  });

  it('warns of a landline, a home address, a child and the writer’s full name, and says how to redact', () => {
    const problems = check({ 'letters/ganxiexin.md': letter('市民陈小红', '家住东湖路88号，座机0523-86881234，我8岁的儿子走失了。') }).problems;
    expect(problems.map((p) => [p.severity, p.code, p.field, p.value])).toEqual([
      ['warning', 'possible-personal-data', 'from', '陈小红'],
      ['warning', 'possible-personal-data', '正文', '东湖路**号'],
      ['warning', 'possible-personal-data', '正文', '0523-****1234'],
      ['warning', 'possible-personal-data', '正文', '8岁'],
    ]);
    expect(problems[0]!.hint).toContain('npm run check -- --redact');
  });

  it('warns of a phone number written in Chinese numerals', () => {
    expect(found('市民李女士', '电话一三九一二三四五六七八')).toEqual([['warning', 'possible-personal-data', '正文', 10, '139****5678']]);
  });
});
