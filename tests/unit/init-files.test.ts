import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OTHER_KIND } from '../../src/lib/authoring/init-answers';
import { rootUnitId, rootUnitText, siteConfigText, type CompleteAnswers } from '../../src/lib/authoring/init-files';
import { newEntryId } from '../../src/lib/authoring/entry-id';
import { checkSite } from '../../src/lib/check/check-site';
import { loadSiteConfig } from '../../src/lib/site-config';

const STATION: CompleteAnswers = {
  name: '泰州市公安局海陵分局东湖派出所',
  shortName: '东湖派出所',
  kind: OTHER_KIND,
  title: '东湖派出所荣誉榜',
  themeColor: '#b22222',
  url: 'https://www.example.gov.cn',
  base: '/rongyu/',
};

/** Writes a config text to a file and reads it as the check and the build do. */
function loadConfig(text: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-init-config-'));
  const file = path.join(dir, 'site.config.yaml');
  writeFileSync(file, text);
  return loadSiteConfig(file, { root: dir, publicDir: path.join(dir, 'public') });
}

/** A site folder with the two files init writes, checked as `npm run check` checks it. */
async function checkWritten(answers: CompleteAnswers) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-init-site-'));
  mkdirSync(path.join(dir, 'content', 'units'), { recursive: true });
  writeFileSync(path.join(dir, 'site.config.yaml'), siteConfigText(answers, '2026-06-01'));
  writeFileSync(path.join(dir, 'content', 'units', `${rootUnitId(answers)}.md`), rootUnitText(answers));
  const result = await checkSite({ root: dir, contentDir: path.join(dir, 'content'), configFile: path.join(dir, 'site.config.yaml'), publicDir: path.join(dir, 'public'), now: new Date('2026-06-01T04:00:00Z') });
  return result.problems;
}

describe('siteConfigText', () => {
  it('writes a config the check reads back as answered, codes as text', () => {
    const loaded = loadConfig(siteConfigText({ ...STATION, icp: '苏ICP备12345678号', siteCode: '3212000001' }, '2026-06-01'));
    expect(loaded.ok && loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.config).toMatchObject({
      title: '东湖派出所荣誉榜',
      description: '泰州市公安局海陵分局东湖派出所的先进典型、荣誉、群众感谢与工作数据。',
      url: 'https://www.example.gov.cn',
      base: '/rongyu/',
      themeColor: '#b22222',
      filing: { icp: '苏ICP备12345678号', siteCode: '3212000001' },
    });
  });

  it('writes the filing numbers given in quotes and offers the others as comments at the right indentation', () => {
    const text = siteConfigText({ ...STATION, icp: '苏ICP备12345678号', siteCode: '3212000001' }, '2026-06-01');
    expect(text).toContain('filing:\n  icp: "苏ICP备12345678号"\n  # psb: "苏公网安备 xxxxxxxxxxxxxx号"\n  siteCode: "3212000001"\n');
  });

  it('offers every filing number when none is known, and following its comment gives a valid config', () => {
    const text = siteConfigText(STATION, '2026-06-01');
    expect(text).toContain('filing: {}\n  # icp: "苏ICP备xxxxxxxx号"\n  # psb: "苏公网安备 xxxxxxxxxxxxxx号"\n  # siteCode: "xxxxxxxxxx"\n');
    // What the comment above the block says to do: filing: {} → filing:, “# ” deleted from one line.
    const edited = text.replace(/^filing: \{\}$/m, 'filing:').replace('  # siteCode: "xxxxxxxxxx"', '  siteCode: "3212000001"');
    const loaded = loadConfig(edited);
    expect(loaded.ok && loaded.config.filing).toEqual({ siteCode: '3212000001', reminder: true });
  });

  it('writes the 主办单位 and the contact given, the phone in quotes, and reads them back', () => {
    const text = siteConfigText({ ...STATION, organizer: '泰州市公安局海陵分局', phone: '0523-86881234', email: 'xxzx@example.gov.cn' }, '2026-06-01');
    expect(text).toContain('organizer: 泰州市公安局海陵分局\n');
    expect(text).toContain('contact:\n  phone: "0523-86881234"\n  # address: （请填写：本单位的办公地址）\n  email: xxzx@example.gov.cn\n');
    const loaded = loadConfig(text);
    expect(loaded.ok && loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.config).toMatchObject({ organizer: '泰州市公安局海陵分局', contact: { phone: '0523-86881234', email: 'xxzx@example.gov.cn' } });
  });

  it('writes a 主办单位 or an address that YAML would read as something else so that it reads back as typed', () => {
    // `*` starts an alias, `&` an anchor, `!` a tag, ` #` a comment, `: ` a mapping.
    for (const typed of ['*某单位（筹）', '&某单位', '! 某单位', '@某单位', '某单位 # 第一', '某路: 1号', '`某路`']) {
      const loaded = loadConfig(siteConfigText({ ...STATION, organizer: typed, address: typed }, '2026-06-01'));
      expect(loaded.ok && loaded.problems, typed).toEqual([]);
      expect(loaded.ok && [loaded.config.organizer, loaded.config.contact.address], typed).toEqual([typed, typed]);
    }
  });

  it('offers the 主办单位 (the unit itself) and the contact as comments when not known; a line un-commented unchanged is refused, never published', () => {
    const text = siteConfigText(STATION, '2026-06-01');
    expect(text).toContain('# organizer: 泰州市公安局海陵分局东湖派出所\n');
    expect(text).toContain('contact: {}\n  # phone: "（请填写：本单位对外公布的电话）"\n  # address: （请填写：本单位的办公地址）\n  # email: （请填写：本单位对外公布的邮箱）\n');
    // Following the comment above the block for one line, but leaving its example as it is.
    for (const key of ['phone', 'address', 'email']) {
      const loaded = loadConfig(text.replace(/^contact: \{\}$/m, 'contact:').replace(`  # ${key}: `, `  ${key}: `));
      expect(loaded.problems.filter((p) => p.severity === 'error').map((p) => p.field), key).toEqual([`contact.${key}`]);
    }
  });

  it('offers filing numbers whose examples, un-commented as they are, are refused', () => {
    const text = siteConfigText(STATION, '2026-06-01');
    for (const key of ['icp', 'psb', 'siteCode']) {
      const loaded = loadConfig(text.replace(/^filing: \{\}$/m, 'filing:').replace(`  # ${key}: `, `  ${key}: `));
      expect(loaded.problems.filter((p) => p.severity === 'error').map((p) => p.field), key).toEqual([`filing.${key}`]);
    }
  });

  it('says when the address is the placeholder to change before publishing', () => {
    expect(siteConfigText({ ...STATION, url: 'https://example.com' }, '2026-06-01')).toContain('# 网站正式地址：现在是占位地址，发布前请改为实际域名\nurl: https://example.com\n');
    expect(siteConfigText(STATION, '2026-06-01')).toContain('# 网站正式地址\nurl: https://www.example.gov.cn\n');
  });

  it('sets the keys of the shipped config, in its order', () => {
    const keysOf = (text: string) => Object.keys(parse(text) as Record<string, unknown>);
    const shipped = keysOf(readFileSync(path.join(import.meta.dirname, '../../examples/hailing-xuntejing/site.config.yaml'), 'utf8'));
    expect(keysOf(siteConfigText(STATION, '2026-06-01'))).toEqual(shipped);
  });
});

describe('rootUnitText', () => {
  it('writes the site’s own unit without a parent, offering its optional fields but not parent, draft or visibility', () => {
    const text = rootUnitText(STATION);
    expect(text.startsWith('---\nname: 泰州市公安局海陵分局东湖派出所\nshortName: 东湖派出所\nkind: other\n')).toBe(true);
    expect(text).toContain('# summary: ');
    expect(text).not.toMatch(/^#? ?(parent|draft|publishDate|visibility):/m);
  });

  it('names the file with a pinyin id, as npm run new does', () => {
    expect(rootUnitId(STATION)).toBe(newEntryId('units', { name: STATION.name, shortName: STATION.shortName }, new Set()));
    expect(rootUnitId(STATION)).toMatch(/^dong-?hu/);
  });

  // Only the reminder of the footer items a public government site shows is left (a new site has none yet).
  it('passes the whole check with values YAML would misread unquoted', async () => {
    expect((await checkWritten(STATION)).map((p) => [p.severity, p.code])).toEqual([['warning', 'gov-footer']]);
    const misread = { ...STATION, name: '2020', shortName: 'true', title: '东湖: 荣誉 #1', siteCode: '3212000001' };
    expect((await checkWritten(misread)).map((p) => [p.severity, p.code])).toEqual([['warning', 'gov-footer']]);
  });
});
