import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/check/check-site';
import { loadSiteConfig } from '../../src/lib/site-config';

let root: string;
let publicDir: string;
let configFile: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-config-'));
  publicDir = path.join(root, 'public');
  mkdirSync(publicDir);
  configFile = path.join(root, 'site.config.yaml');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const load = () => loadSiteConfig(configFile, { root, publicDir });
const write = (text: string) => writeFileSync(configFile, text);

describe('loadSiteConfig', () => {
  it('loads a valid config with its defaults', () => {
    write('title: 海陵巡特警荣誉榜\nurl: https://example.com\nbase: /rongyu\n');
    const result = load();
    expect(result.problems).toEqual([]);
    expect(result.ok && result.config).toMatchObject({ title: '海陵巡特警荣誉榜', url: 'https://example.com', base: '/rongyu/', theme: 'police-blue' });
    expect(result.ok && result.config.themeColor).toBeUndefined();
  });

  it.each([
    ['党建红', 'party-red'],
    [' 消防红\u3000', 'fire-red'],
    ['\u200b素雅灰', 'neutral'],
    ['ｐａｒｔｙ－ｒｅｄ', 'party-red'],
    ['neutral', 'neutral'],
  ])('takes the theme %j, written as a clerk would, as %s', (written, theme) => {
    write(`title: 荣誉榜\nurl: https://example.com\ntheme: "${written}"\n`);
    const result = load();
    expect(result.problems).toEqual([]);
    expect(result.ok && result.config.theme).toBe(theme);
  });

  it('reports a theme that is not one of the presets on its line, listing them', () => {
    write('title: 荣誉榜\nurl: https://example.com\ntheme: 红色\n');
    expect(load().problems).toMatchObject([
      { code: 'config', line: 3, field: 'theme', message: 'theme（主题） 的取值 “红色” 无效', hint: '可选值：police-blue、party-red、fire-red、neutral' },
    ]);
  });

  it('reads the 荣誉室 screen’s timings as a Chinese IME types them, and reports one out of range on its line', () => {
    write('title: 荣誉榜\r\nurl: https://example.com\r\nkiosk:\r\n  idleSeconds: ９０秒\r\n  advanceSeconds: "\u3000１５"\r\n');
    const result = load();
    expect(result.problems).toEqual([]);
    expect(result.ok && result.config.kiosk).toEqual({ idleSeconds: 90, advanceSeconds: 15 });
    write('title: 荣誉榜\nurl: https://example.com\nkiosk:\n  idleSeconds: 5\n');
    expect(load().problems).toEqual([
      {
        severity: 'error',
        code: 'config',
        file: 'site.config.yaml',
        line: 4,
        field: 'kiosk.idleSeconds',
        value: '5',
        message: 'kiosk.idleSeconds（大屏无人操作返回时间）：应为 10 到 3600 之间的整数秒，如 60',
        hint: '荣誉室大屏上点开一项（或暂停轮播）后，多少秒无人触摸就回到轮播，填 10 到 3600 的整数秒，不填为 60 秒',
      },
    ]);
  });

  it('loads the sample unit’s site.config.yaml as it ships', () => {
    const sample = path.resolve('examples', 'hailing-xuntejing');
    const result = loadSiteConfig(path.join(sample, 'site.config.yaml'), { root: sample, publicDir: path.join(sample, 'public') });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports personal data in its text fields, with field and line, unless it is on privacy.allow', () => {
    write('title: 荣誉榜\nurl: https://example.com\ndescription: 联系我们：13812345678\nnav:\n  - label: 写信给 li@example.com\n    href: /letters/\n');
    const result = load();
    expect(result.ok).toBe(true);
    expect(result.problems).toMatchObject([
      { severity: 'error', code: 'personal-data', file: 'site.config.yaml', field: 'description', line: 3, value: '138****5678', message: '含有手机号码（138****5678），不能公开发布' },
      { severity: 'error', code: 'personal-data', file: 'site.config.yaml', field: 'nav[0].label', line: 5 },
    ]);
    write('title: 荣誉榜\nurl: https://example.com\ndescription: 服务热线 138 1234 5678\nprivacy:\n  allow: ["13812345678"]\n');
    expect(load().problems).toEqual([]);
  });

  it('reports a missing file and says what to write', () => {
    expect(load()).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'config',
          file: 'site.config.yaml',
          message: '找不到网站配置文件',
          hint: '请创建 site.config.yaml，至少写明 title（网站标题）和 url（网站地址），可参考项目自带的示例',
        },
      ],
    });
  });

  it('reports a bad url on its line', () => {
    write('title: 荣誉榜\n# 网站地址\nurl: www.example.com\n');
    const result = load();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      code: 'config',
      file: 'site.config.yaml',
      line: 3,
      field: 'url',
      value: 'www.example.com',
      message: 'url（网站地址）：应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn',
    });
  });

  it('reports a bad themeColor on its line', () => {
    write('title: 荣誉榜\nurl: https://example.com\nthemeColor: blue\n');
    expect(load().problems).toEqual([
      {
        severity: 'error',
        code: 'config',
        file: 'site.config.yaml',
        line: 3,
        field: 'themeColor',
        value: 'blue',
        message: 'themeColor（主题色）：应为 # 加 6 位十六进制颜色，如 #1f4e9c',
        hint: '请按说明修改这个值',
      },
    ]);
  });

  it('explains an unquoted colour, which YAML reads as a comment', () => {
    write('title: 荣誉榜\nurl: https://example.com\nthemeColor: #1f4e9c\n');
    expect(load().problems).toMatchObject([{ code: 'config', line: 3, field: 'themeColor', message: 'themeColor（主题色） 没有值' }]);
  });

  it('reports a logo that is not in the public folder', () => {
    write('title: 荣誉榜\nurl: https://example.com\nlogo: /logo.svg\n');
    expect(load()).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'config',
          file: 'site.config.yaml',
          line: 3,
          field: 'logo',
          value: '/logo.svg',
          message: '找不到标志图片 /logo.svg',
          hint: '请把图片放到 public/logo.svg，或删掉 logo 这一行',
        },
      ],
    });
  });

  it('accepts a logo that is in the public folder', () => {
    writeFileSync(path.join(publicDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('title: 荣誉榜\nurl: https://example.com\nlogo: /logo.svg\n');
    const result = load();
    expect(result.ok && result.config.logo).toBe('/logo.svg');
  });

  it('reports malformed YAML with its line and reads nothing', () => {
    write('title: 荣誉榜\nurl: https://example.com\ntitle: 又一个标题\n');
    expect(load()).toMatchObject({ ok: false, problems: [{ code: 'yaml', file: 'site.config.yaml', line: 3 }] });
  });

  it('reports every missing required field of an empty file at once', () => {
    write('# 还没有填写\n');
    expect(load().problems.map((p) => [p.code, p.field, p.message])).toEqual([
      ['config', 'title', '缺少必填字段 title（网站标题）'],
      ['config', 'url', '缺少必填字段 url（网站地址）'],
    ]);
  });

  it('suggests the right name for a misspelt field', () => {
    write('title: 荣誉榜\nurl: https://example.com\nthemeColour: "#1f4e9c"\n');
    expect(load().problems).toMatchObject([{ field: 'themeColour', line: 3, hint: '可能是拼写错误：themeColour → themeColor。字段名区分大小写' }]);
  });
});

describe('the government-site footer items', () => {
  const HEAD = 'title: 荣誉榜\nurl: https://example.com\n';

  it('reads them as a Chinese IME types them: full-width digits, letters, ＠ and dashes made plain', () => {
    write(
      `${HEAD}organizer: 泰州市公安局海陵分局\ncontact:\n  phone: ０５２３－８６８８１２３４\n  email: ｘｘｚｘ＠example.gov.cn\nfiling:\n  icp: 苏ＩＣＰ备１２３４５６７８号－１\n  psb: 苏公网安备３２１２０２０２０００１２３号\n  siteCode: "３２１２０００００１"\n`,
    );
    const result = load();
    expect(result.problems).toEqual([]);
    expect(result.ok && result.config).toMatchObject({
      organizer: '泰州市公安局海陵分局',
      contact: { phone: '0523-86881234', email: 'xxzx@example.gov.cn' },
      filing: { icp: '苏ICP备12345678号-1', psb: '苏公网安备 32120202000123号', siteCode: '3212000001' },
    });
  });

  it('says in Chinese, with the field and its line, how a number is written', () => {
    write(`${HEAD}filing:\n  icp: 12345678\n  psb: "32120202000123"\n  siteCode: "321200001"\n`);
    expect(load().problems.map((p) => [p.line, p.field, p.message, p.hint])).toEqual([
      [4, 'filing.icp', 'filing.icp（ICP 备案号） 全是数字，被读成了数字，这里要的是文字', '全是数字的编号要加英文引号，否则会被当作数字：icp: "12345678"'],
      [5, 'filing.psb', 'filing.psb（公安机关备案号）：要写完整：省份简称 + 公网安备 + 数字 + 号，如 苏公网安备 32120202000123号（“苏”换成本省的简称）', expect.stringContaining('public/gongan-beian.png')],
      [6, 'filing.siteCode', 'filing.siteCode（网站标识码）：应为 10 位数字（部委网站为 bm 加 8 位数字），如 3212000001；这里是 9 位：请与网站标识码证书或政府网站信息报送系统中的核对', expect.stringContaining('我为政府网站找错')],
    ]);
    write(`${HEAD}filing:\n  icp: 江苏ICP备12345678号\n`);
    expect(load().problems.map((p) => p.message)).toEqual(['filing.icp（ICP 备案号）：开头应为省份的一字简称，如“苏”：苏ICP备12345678号-1']);
  });

  it('publishes the unit’s own phone and mailbox in contact, and only there', () => {
    write(`${HEAD}contact:\n  phone: 0523-86881234\n  email: xxzx@example.gov.cn\n`);
    expect(load().problems).toEqual([]);
    write(`${HEAD}description: 值班电话 13912345678\ncontact:\n  phone: "13912345678"\n`);
    // In the description it is personal data; in contact it is the unit's to confirm.
    expect(load().problems.map((p) => [p.severity, p.code, p.field])).toEqual([
      ['error', 'personal-data', 'description'],
      ['warning', 'possible-personal-data', 'contact.phone'],
    ]);
  });

  it('asks about a mobile number in the published phone until the unit lists it as public, however it was typed', () => {
    for (const phone of ['0523-86881234、13912345678（值班）', '"１３９　１２３４　５６７８"', '"139\u200b1234-5678"']) {
      write(`${HEAD}contact:\n  phone: ${phone}\n`);
      const result = load();
      // A warning: the build goes on, and the footer shows the number.
      expect(result.ok, phone).toBe(true);
      expect(result.problems, phone).toEqual([
        {
          severity: 'warning',
          code: 'possible-personal-data',
          file: 'site.config.yaml',
          line: 4,
          field: 'contact.phone',
          value: expect.stringMatching(/^139\D{0,2}\*{4}\D{0,2}5678$/),
          message: expect.stringMatching(/^联系电话中有手机号码（139\D{0,2}\*{4}\D{0,2}5678），页脚会在每一页公开它$/),
          hint: '如果是个人手机，请删去，改填本单位的总机或值班电话；如果是单位对外公布的值班手机，把它加入 site.config.yaml 的 privacy.allow，就不再提醒',
        },
      ]);
      // The fix the hint names.
      write(`${HEAD}contact:\n  phone: ${phone}\nprivacy:\n  allow: ["139 1234 5678"]\n`);
      expect(load().problems, phone).toEqual([]);
    }
  });

  it('refuses a mailbox named after a mobile number, as the guard would, until the unit lists the number', () => {
    for (const email of ['13912345678@139.com', '139.1234.5678@qq.com', '１３９１２３４５６７８＠163.com']) {
      write(`${HEAD}contact:\n  email: ${email}\n`);
      expect(load().problems.map((p) => [p.severity, p.code, p.field, p.line, p.message]), email).toEqual([
        ['error', 'personal-data', 'contact.email', 4, expect.stringMatching(/^电子邮箱中有手机号码（139\D?\*{4}\D?5678），页脚会在每一页公开它，不能这样发布$/)],
      ]);
      write(`${HEAD}contact:\n  email: ${email}\nprivacy:\n  allow: ["13912345678"]\n`);
      expect(load().problems, email).toEqual([]);
    }
  });

  it('asks about a mobile in Chinese numerals in the phone, and refuses a mobile in the address, which the guard would refuse', () => {
    write(`${HEAD}contact:\n  phone: 0523-86881234、一三九一二三四五六七八\n`);
    expect(load().problems.map((p) => [p.severity, p.field, p.message])).toEqual([['warning', 'contact.phone', expect.stringMatching(/^联系电话中有用汉字写的手机号码（.+），页脚会在每一页公开它$/)]]);
    write(`${HEAD}contact:\n  address: 海陵区鼓楼路１号 联系人１３９ １２３４ ５６７８\n`);
    expect(load().problems.map((p) => [p.severity, p.field, p.hint])).toEqual([['error', 'contact.address', expect.stringContaining('电话写在 contact.phone 中')]]);
    // The unit's own address, house number and all, is what the field is for.
    write(`${HEAD}contact:\n  address: 泰州市海陵区鼓楼路１号\n`);
    expect(load().problems).toEqual([]);
  });

  it('needs the 党政机关网站标识 image in public/, and its link as a web address', () => {
    write(`${HEAD}filing:\n  badge:\n    href: https://bszs.conac.cn/sitename?method=show&id=ABC\n    image: /dangzheng-biaoshi.png\n`);
    expect(load()).toMatchObject({
      ok: false,
      problems: [{ line: 6, field: 'filing.badge.image', message: '找不到党政机关网站标识图片 /dangzheng-biaoshi.png', hint: '请把图片放到 public/dangzheng-biaoshi.png，或删掉 image 这一行（页脚改为显示文字链接）' }],
    });
    writeFileSync(path.join(publicDir, 'dangzheng-biaoshi.png'), 'png');
    expect(load().ok).toBe(true);
    write(`${HEAD}filing:\n  badge:\n    href: bszs.conac.cn\n`);
    expect(load().problems.map((p) => p.message)).toEqual(['filing.badge.href（标识链接）：应为以 http:// 或 https:// 开头的完整网址']);
  });

  it('leaves a public site one reminder of what it lacks, in npm run check and the build alike; the intranet edition none', async () => {
    write(HEAD);
    const options = { root, contentDir: path.join(root, 'content'), configFile, publicDir, now: new Date('2026-06-01T04:00:00Z') };
    const footer = (problems: readonly { code: string }[]) => problems.filter((p) => p.code === 'gov-footer');
    expect(footer((await checkSite(options)).problems)).toMatchObject([{ severity: 'warning', file: 'site.config.yaml', message: expect.stringContaining('主办单位、联系方式、ICP 备案号') }]);
    expect(footer((await checkSite({ ...options, audience: 'internal' })).problems)).toEqual([]);
  });
});
