import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  govFooterReminder,
  govFooterView,
  jiucuoUrl,
  missingGovFooterItems,
  PSB_ICON_FILE,
  psbRecordUrl,
  publishedContactAllow,
  readEmail,
  readIcp,
  readPhone,
  readPsb,
  readSiteCode,
  type GovFooterConfig,
} from '../../src/lib/gov-footer';
import { findPii } from '../../src/lib/pii';

const NONE: GovFooterConfig = { contact: {}, filing: {} };
const FULL: GovFooterConfig = {
  organizer: '泰州市公安局海陵分局',
  contact: { phone: '0523-86881234', address: '泰州市海陵区某路1号', email: 'xxzx@example.gov.cn' },
  filing: { icp: '苏ICP备12345678号-1', psb: '苏公网安备 32120202000123号', siteCode: '3212000001', badge: { href: 'https://bszs.conac.cn/sitename?method=show&id=ABC', image: '/dangzheng-biaoshi.png' } },
};

describe('readIcp', () => {
  it.each([
    ['苏ICP备12345678号-1', '苏ICP备12345678号-1'],
    ['苏ICP备12345678号', '苏ICP备12345678号'],
    // A Chinese IME in full-width mode: letters, digits and the dash.
    ['苏ＩＣＰ备１２３４５６７８号－１', '苏ICP备12345678号-1'],
    ['苏icp备 12345678 号', '苏ICP备12345678号'],
    // Pasted from Word or WeChat: a no-break space, a zero-width space, an en dash.
    ['苏ICP备\u00a012345678\u200b号–2', '苏ICP备12345678号-2'],
    ['京ICP证030173号', '京ICP证030173号'],
  ])('reads %s as %s', (typed, read) => {
    expect(readIcp(typed)).toEqual({ ok: true, value: read });
  });

  it.each([
    ['12345678', '要写完整：省份简称 + ICP备 + 数字 + 号，如 苏ICP备12345678号-1'],
    ['江苏ICP备12345678号', '开头应为省份的一字简称，如“苏”：苏ICP备12345678号-1'],
    ['苏ICP备12345678', '写法应为 省份简称 + ICP备 + 数字 + 号，网站有多个备案时后面加 -1 等，如 苏ICP备12345678号-1'],
  ])('refuses %s, saying how it is written', (typed, reason) => {
    expect(readIcp(typed)).toEqual({ ok: false, reason });
  });
});

describe('readPsb and the record link', () => {
  it.each([
    ['苏公网安备 32120202000123号', '苏公网安备 32120202000123号'],
    ['苏公网安备32120202000123号', '苏公网安备 32120202000123号'],
    ['苏公网安备　３２１２０２０２０００１２３号', '苏公网安备 32120202000123号'],
    ['苏公网安备 32120202000123', '苏公网安备 32120202000123号'],
  ])('reads %s as %s', (typed, read) => {
    expect(readPsb(typed)).toEqual({ ok: true, value: read });
  });

  it('refuses the digits alone, with the whole number to write', () => {
    expect(readPsb('32120202000123')).toEqual({ ok: false, reason: '要写完整：省份简称 + 公网安备 + 数字 + 号，如 苏公网安备 32120202000123号（“苏”换成本省的简称）' });
  });

  it('refuses a number with a digit missing, counting them', () => {
    expect(readPsb('苏公网安备 3212020200012号')).toEqual({ ok: false, reason: '数字应为 14 位，这里是 13 位：请与备案回执或全国互联网安全管理服务平台上的备案号核对' });
  });

  it('links to the record of the number by its digits', () => {
    expect(psbRecordUrl('苏公网安备 32120202000123号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=32120202000123');
  });
});

describe('readSiteCode and the 找错 link', () => {
  it('reads ten digits typed full-width, and a ministry’s bm code', () => {
    expect(readSiteCode('３２１２０００００１')).toEqual({ ok: true, value: '3212000001' });
    expect(readSiteCode(' bm09000001 ')).toEqual({ ok: true, value: 'bm09000001' });
  });

  it('refuses a code of another length, counting it', () => {
    expect(readSiteCode('321200001')).toEqual({ ok: false, reason: '应为 10 位数字（部委网站为 bm 加 8 位数字），如 3212000001；这里是 9 位：请与网站标识码证书或政府网站信息报送系统中的核对' });
  });

  it('refuses ten characters that are no code: the shipped example un-commented as it is, a letter for a digit', () => {
    expect(readSiteCode('xxxxxxxxxx')).toEqual({ ok: false, reason: '应为 10 位数字（部委网站为 bm 加 8 位数字），如 3212000001；这里有数字以外的字符（xxxxxxxxxx）：请与网站标识码证书或政府网站信息报送系统中的核对' });
    expect(readSiteCode('32120OOOO1').ok).toBe(false);
  });

  it('carries the site code and the page’s address, encoded', () => {
    expect(jiucuoUrl('3212000001', 'https://www.example.gov.cn/rongyu/officers/wang-xiang/?a=1&b=2')).toBe(
      'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3212000001&url=https%3A%2F%2Fwww.example.gov.cn%2Frongyu%2Fofficers%2Fwang-xiang%2F%3Fa%3D1%26b%3D2',
    );
  });
});

describe('the contact', () => {
  it('reads a mailbox typed with a full-width ＠ and letters', () => {
    expect(readEmail('ｘｘｚｘ＠example.gov.cn')).toEqual({ ok: true, value: 'xxzx@example.gov.cn' });
    expect(readEmail('xxzx example.gov.cn')).toEqual({ ok: false, reason: '应为一个电子邮箱地址，如 xxzx@example.gov.cn' });
  });

  it('keeps the numbers as published, full-width digits made plain', () => {
    expect(readPhone('０５２３－８６８８１２３４、12345')).toEqual({ ok: true, value: '0523-86881234、12345' });
    expect(readPhone('办公室')).toEqual({ ok: false, reason: '应为本单位对外公布的电话号码，如 0523-86881234' });
  });

  it('lets the guard pass the unit’s own numbers and mailbox, and nothing else', () => {
    const allow = publishedContactAllow({ ...NONE, contact: { phone: '0523-86881234、13912345678（值班）', email: 'xxzx@example.gov.cn' } });
    expect(findPii('值班 139 1234 5678，邮箱 xxzx@example.gov.cn', allow)).toEqual([]);
    expect(findPii('联系 13812345678', allow).map((m) => m.kind)).toEqual(['mobile']);
    expect(publishedContactAllow(NONE)).toEqual([]);
  });

  it('lets the guard pass a mailbox named after a mobile number as a mailbox, never the number in it', () => {
    for (const email of ['13912345678@139.com', '139.1234.5678@qq.com']) {
      const allow = publishedContactAllow({ ...NONE, contact: { email } });
      // The footer itself: the mailbox passes, the mobile number in it does not (the check refuses it first).
      expect(findPii(`邮箱 ${email}`, allow).map((m) => m.kind), email).toEqual(['mobile']);
      // Nor does the same number anywhere else on the site.
      expect(findPii('王五 13912345678', allow).map((m) => m.kind), email).toEqual(['mobile']);
    }
  });
});

describe('which items a public site still lacks', () => {
  it('names all six when nothing is configured, and where each is filled in', () => {
    expect(missingGovFooterItems(NONE).map((item) => item.label)).toEqual(['主办单位', '联系方式', 'ICP 备案号', '公安机关备案号', '网站标识码（“我为政府网站找错”链接也要用它）', '党政机关网站标识']);
    expect(govFooterReminder(NONE, 'public', 'units/a/site.config.yaml')).toEqual({
      message: '公开网站的页脚还缺少 6 项政府网站应当显示的信息：主办单位、联系方式、ICP 备案号、公安机关备案号、网站标识码、党政机关网站标识',
      hint: [
        '取得后在 units/a/site.config.yaml 中填写（没有的先不填，填了的才会显示）：',
        '  主办单位：organizer',
        '  联系方式：contact 下的 phone、address、email（至少一项）',
        '  ICP 备案号：filing.icp，如 苏ICP备12345678号-1',
        '  公安机关备案号：filing.psb，如 苏公网安备 32120202000123号；备案图标保存为 public/gongan-beian.png',
        '  网站标识码（“我为政府网站找错”链接也要用它）：filing.siteCode，如 siteCode: "3212000001"（加英文引号）',
        '  党政机关网站标识：filing.badge 下的 href（标识链接）和 image（保存在 public 中的标识图片）',
        '写法见 docs/authoring-guide.md 第 12 节的“页脚信息”。这只是提醒，不影响生成网站；内网版不提醒。',
        '不是政府网站（如医院、企业）时，在 units/a/site.config.yaml 的 filing 下写 reminder: false，不再提醒。',
      ].join('\n'),
    });
  });

  it('counts any one way of contact as the contact, and lists only what is left', () => {
    const partial = { ...NONE, contact: { email: 'xxzx@example.gov.cn' }, filing: { icp: '苏ICP备12345678号' } };
    expect(govFooterReminder(partial, 'public')?.message).toBe('公开网站的页脚还缺少 4 项政府网站应当显示的信息：主办单位、公安机关备案号、网站标识码、党政机关网站标识');
  });

  it('sends the clerk to a section of the guide that exists and explains every field it names', () => {
    const guide = readFileSync('docs/authoring-guide.md', 'utf8');
    const section = guide.slice(guide.indexOf('## 12. 网站配置'), guide.indexOf('## 13. '));
    expect(govFooterReminder(NONE, 'public')?.hint).toContain('docs/authoring-guide.md 第 12 节的“页脚信息”');
    expect(section).toContain('### 页脚信息');
    for (const name of ['organizer', 'contact.phone', 'contact.address', 'contact.email', 'filing.icp', 'filing.psb', 'filing.siteCode', 'filing.badge.href', 'filing.badge.image', 'filing.reminder', `public/${PSB_ICON_FILE}`]) {
      expect(section, name).toContain(name);
    }
  });

  it('says nothing for a complete footer, nor for the intranet edition, nor for a unit that runs no government site', () => {
    expect(govFooterReminder(FULL, 'public')).toBeNull();
    expect(govFooterReminder(NONE, 'internal')).toBeNull();
    expect(govFooterReminder({ ...NONE, filing: { reminder: false } }, 'public')).toBeNull();
    expect(govFooterReminder({ ...NONE, filing: { reminder: true } }, 'public')).not.toBeNull();
  });
});

describe('govFooterView', () => {
  const page = 'https://www.example.gov.cn/officers/wang-xiang/';

  it('shows nothing when nothing is configured', () => {
    expect(govFooterView(NONE, { audience: 'public', pageUrl: page, psbIcon: null })).toEqual({ contact: [], filings: [] });
  });

  it('links each filing number to its record, the 公安 icon when public/ has it, the mark as its image', () => {
    const view = govFooterView(FULL, { audience: 'public', pageUrl: page, psbIcon: '/gongan-beian.png' });
    expect(view.organizer).toBe('泰州市公安局海陵分局');
    expect(view.contact.map((c) => [c.label, c.text, c.href])).toEqual([
      ['联系电话', '0523-86881234', undefined],
      ['地址', '泰州市海陵区某路1号', undefined],
      ['电子邮箱', 'xxzx@example.gov.cn', 'mailto:xxzx@example.gov.cn'],
    ]);
    expect(view.filings).toEqual([
      { text: '苏ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' },
      { text: '苏公网安备 32120202000123号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=32120202000123', image: '/gongan-beian.png' },
    ]);
    expect(view.siteCode).toBe('3212000001');
    expect(view.jiucuo).toEqual({ text: '我为政府网站找错', href: jiucuoUrl('3212000001', page) });
    expect(view.badge).toEqual({ text: '党政机关网站标识', href: 'https://bszs.conac.cn/sitename?method=show&id=ABC', image: '/dangzheng-biaoshi.png' });
  });

  it('shows text links only when the unit supplied no images', () => {
    const view = govFooterView({ ...FULL, filing: { ...FULL.filing, badge: { href: 'https://bszs.conac.cn/x' } } }, { audience: 'public', pageUrl: page, psbIcon: null });
    expect(view.filings[1]).not.toHaveProperty('image');
    expect(view.badge).toEqual({ text: '党政机关网站标识', href: 'https://bszs.conac.cn/x' });
  });

  it('in the intranet edition: the mark as text without its link, and no 找错 link', () => {
    const view = govFooterView(FULL, { audience: 'internal', pageUrl: page, psbIcon: null });
    expect(view.badge).toEqual({ text: '党政机关网站' });
    expect(view.jiucuo).toBeUndefined();
    expect(view.siteCode).toBe('3212000001');
  });
});
