/**
 * Publishing as the editor's 发布 button does it (`publishSite`, the real build in a child
 * process) and rolling back as a clerk types it (`npm run rollback`, the real script): two
 * publishes keep two versions, a rollback restores the previous site byte for byte and a second
 * one undoes it, publishing again with nothing changed leaves it as it is, and a build with a
 * content error leaves the live site as it was and says why in Chinese. Three full builds in all,
 * one after another.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishSite, type PublishProgress, type PublishResult } from '../../src/lib/publish';
import { listReleases, versionsDirFor } from '../../src/lib/releases';
import { fingerprint } from '../unit/helpers/fingerprint';
import { BUILD_ROOT, buildEnv, prepareFixture, runScript, runScriptInProcess } from './harness';

// Under a sub-path, as many units deploy: the result also says what robots.txt the domain root needs.
const { siteDir, outDir } = prepareFixture('publishing', { 'site.config.yaml': 'title: 测试单位荣誉榜\nurl: https://fixture.example\nbase: /rongyu/\n' });
const env = buildEnv(siteDir, outDir, {});
const honor = path.join(siteDir, 'content', 'honors', 'test-honor.md');
// In this process (runScriptInProcess); the command itself is started in the tests of a site with nothing to roll back to.
const rollback = (...args: string[]) => runScriptInProcess('rollback.ts', args, { env: { HONOR_ROLL_SITE: siteDir, HONOR_ROLL_OUT_DIR: outDir } });

/** Publishes the fixture as the editor would, noting each step it reports. */
async function publish(): Promise<{ result: PublishResult; steps: string[] }> {
  const steps: string[] = [];
  const result = await publishSite({ root: BUILD_ROOT, env, onProgress: (p: PublishProgress) => steps.push(p.label) });
  return { result, steps: [...new Set(steps)] };
}

describe('publishing twice, then rolling back', () => {
  let first: string[];
  let second: string[];

  beforeAll(async () => {
    const one = await publish();
    expect(one.result.ok, one.result.lines.join('\n')).toBe(true);
    first = fingerprint(outDir);
    writeFileSync(honor, readFileSync(honor, 'utf8').replace('title: 测试荣誉', 'title: 测试荣誉（修订）'));
    const two = await publish();
    expect(two.result.ok, two.result.lines.join('\n')).toBe(true);
    second = fingerprint(outDir);
    expect(two.steps).toEqual(['检查内容', '生成页面', '建立搜索索引', '隐私检查', '替换网站']);
    if (!two.result.ok) return;
    expect(two.result.pages).toBeGreaterThan(20);
    expect(two.result.lines[0]).toBe(`发布成功：${two.result.pages} 个页面。`);
    expect(two.result.lines).toContain('  人物“未同意人物CANARYNOCONSENT”（officers/canary-no-consent）：此人未同意公开，与其相关的 1 项荣誉和 1 封感谢信也不会公开');
    expect(two.result.release).toMatchObject({ command: '编辑台发布', pages: two.result.pages, audience: 'public' });
    expect(two.result.lines).toContain('网站放在子路径 /rongyu/ 下，而搜索引擎只读取域名根目录的 https://fixture.example/robots.txt，不会读取网站自己的 /rongyu/robots.txt。');
    expect(two.result.lines.at(-1)).toBe('    Sitemap: https://fixture.example/rongyu/sitemap-index.xml');
  });

  it('keeps both published versions: the live one and the one before, next to the output', () => {
    expect(second).not.toEqual(first);
    const { live, kept, versionsDir } = listReleases(outDir);
    expect([live, ...kept].length).toBe(2);
    expect(fingerprint(path.join(versionsDir, kept[0]!.id, 'site'))).toEqual(first);
    expect(versionsDir).toBe(path.join(path.dirname(outDir), '.dist-versions'));
  });

  it('npm run rollback restores the previous site byte for byte and says what was and is live', async () => {
    const { live, kept } = listReleases(outDir);
    const run = await rollback();
    expect(run.status, run.stderr).toBe(0);
    expect(fingerprint(outDir)).toEqual(first);
    expect(run.stdout).toContain('已回退到上一个版本。');
    expect(run.stdout).toMatch(new RegExp(`回退前在线：\\d{4}年\\d+月\\d+日 \\d{2}:\\d{2} 发布（编辑台发布，${live!.pages} 个页面）`));
    expect(run.stdout).toContain(`现在在线：`);
    expect(run.stdout).toContain(`网站文件夹：${outDir}`);
    expect(listReleases(outDir).live?.id).toBe(kept[0]!.id);
  });

  it('a second rollback brings back what was live before the first', async () => {
    const run = await rollback();
    expect(run.status, run.stderr).toBe(0);
    expect(fingerprint(outDir)).toEqual(second);
  });

  it('publishing again with nothing changed says the site is up to date and leaves it and its versions as they are', async () => {
    const before = listReleases(outDir);
    const { result, steps } = await publish();
    expect(result.ok, result.lines.join('\n')).toBe(true);
    expect(result.lines[0]).toMatch(/^网站已是最新：内容和设置自上次发布以来没有变化，不用重新生成（\d+ 个页面）。$/);
    expect(steps).toEqual(['检查内容', '替换网站']);
    expect(fingerprint(outDir)).toEqual(second);
    expect(listReleases(outDir)).toEqual(before);
  });

  it('a build with a content error leaves the live site byte for byte and reports the problem in Chinese', async () => {
    writeFileSync(honor, readFileSync(honor, 'utf8').replace(/^awardedBy: .*$/m, 'awardedBy: 13912345678'));
    const { result } = await publish();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(fingerprint(outDir)).toEqual(second);
    expect(result.siteUntouched).toBe(true);
    expect(result.statement).toBe('网站没有更新：正在使用的网站保持不变。');
    expect(result.problems).toContain(honor);
    expect(result.problems.join('\n')).toMatch(/✖ 错误（第 \d+ 行，字段 awardedBy）：awardedBy（授予单位） 全是数字，被读成了数字，这里要的是文字/);
    expect(result.problems.join('\n')).not.toMatch(/content has|\[schema\]/);
    expect(listReleases(outDir).kept).toHaveLength(1);
  });
});

describe('npm run rollback', () => {
  it('with nothing kept says so in Chinese and exits with 1', async () => {
    const empty = prepareFixture('minimal');
    const run = await runScript('rollback.ts', [], { env: { HONOR_ROLL_SITE: empty.siteDir, HONOR_ROLL_OUT_DIR: empty.outDir } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('还没有发布过网站');
  });

  it('prunes to the 5 versions live most recently, and --list shows them (fake versions, no build)', async () => {
    const fake = prepareFixture('minimal');
    const dir = versionsDirFor(fake.outDir);
    const site = (folder: string, text: string) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), text);
    };
    site(fake.outDir, 'live');
    const ids = Array.from({ length: 7 }, (_, i) => `20260601-12${String(i * 5).padStart(2, '0')}00-001`);
    for (const [i, id] of ids.entries()) {
      site(path.join(dir, id, 'site'), `version ${i}`);
      const at = (minute: number) => `2026-06-01T04:${String(minute).padStart(2, '0')}:00.000Z`;
      writeFileSync(path.join(dir, id, 'release.json'), JSON.stringify({ id, publishedAt: at(i * 5), command: 'npm run build', pages: 1, files: 1, retiredAt: at(i * 5 + 4) }));
    }
    const env = { HONOR_ROLL_SITE: fake.siteDir, HONOR_ROLL_OUT_DIR: fake.outDir };
    const run = await runScript('rollback.ts', [], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(fake.outDir, 'index.html'), 'utf8')).toBe('version 6');
    const listed = await runScriptInProcess('rollback.ts', ['--list'], { env });
    expect(listed.stdout).toContain('保留的旧版本（最近在线的在前，最多 5 个）：');
    expect(listed.stdout.match(/^ {2}编号 /gm)).toHaveLength(5);
    expect(listReleases(fake.outDir).kept.map((r) => r.id)).not.toContain(ids[0]);
  });
});
