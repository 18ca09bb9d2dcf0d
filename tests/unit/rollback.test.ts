/**
 * `rollbackSite` and `recoverSite`, the code behind `npm run rollback` and the editor's 回退, on
 * fake sites: what they say in Chinese, two clicks of one process taking turns, and a swap a
 * killed process left half-done repaired before anything else.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listReleases, publishStaging } from '../../src/lib/releases';
import { listSite, recoverSite, rollbackSite } from '../../src/lib/rollback';
import { at, Crash, dyingDisk, liveSite, makeSite, publish, removeWorkspaces, workspace, type Workspace } from './helpers/fake-sites';
import { fingerprint } from './helpers/fingerprint';

/** The site of a workspace as the build resolves it: HONOR_ROLL_OUT_DIR, the lock in its own project folder. */
const target = (ws: Workspace) => ({ root: ws.work, env: { HONOR_ROLL_OUT_DIR: ws.outDir } });

afterAll(removeWorkspaces);

describe('rollbackSite', () => {
  it('says what was live, what is live now and where, and how to undo it', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    await publish(ws, 'B', 1);
    const result = await rollbackSite(target(ws));
    expect(result).toMatchObject({ ok: true, outDir: ws.outDir, from: { command: 'B' }, to: { command: 'A' } });
    expect(result.lines).toEqual([
      '已回退到上一个版本。',
      '回退前在线：2026年6月1日 12:01 发布（B，2 个页面）',
      '现在在线：2026年6月1日 12:00 发布（A，2 个页面）',
      `网站文件夹：${ws.outDir}`,
      '回退前的版本也已保留：想撤销这次回退，再回退一次即可。',
    ]);
    expect(existsSync(`${ws.work}/.honor-roll/build.lock`)).toBe(false);
  });

  it('two rollbacks asked for at once by one process take turns: the second undoes the first', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    const b = await publish(ws, 'B', 1);
    const [one, two] = await Promise.all([rollbackSite(target(ws)), rollbackSite(target(ws))]);
    expect([one.ok && one.to.command, two.ok && two.to.command]).toEqual(['A', 'B']);
    expect(fingerprint(ws.outDir)).toEqual(b);
  });

  it('with no earlier version, or one not kept, says so and changes nothing', async () => {
    const ws = workspace();
    expect((await rollbackSite(target(ws))).lines[0]).toBe(`还没有发布过网站：${ws.outDir} 不存在，也没有保留的旧版本。`);
    const a = await publish(ws, 'A', 0);
    const none = await rollbackSite(target(ws));
    expect(none).toMatchObject({ ok: false, reason: 'no-earlier' });
    expect(none.lines[0]).toBe('没有可以回退的旧版本：现在在线的网站是 2026年6月1日 12:00 发布（A，2 个页面），在它之前没有保留的版本。');
    expect((await rollbackSite({ ...target(ws), to: '20200101-000000-001' })).lines).toEqual(['没有编号为 20200101-000000-001 的版本。保留的版本有：无。']);
    expect(fingerprint(ws.outDir)).toEqual(a);
  });
});

describe('recoverSite and the list', () => {
  it('a publish killed between its two renames: the site is put back before anything else, and said so', async () => {
    const ws = workspace();
    const a = await publish(ws, 'A', 0);
    // Stop a publish at the first point where the site folder is gone.
    for (let after = 0; existsSync(ws.outDir); after++) {
      if (after > 0) await recoverSite(target(ws));
      makeSite(ws.staging, 'B');
      await publishStaging(ws.staging, ws.outDir, { command: 'B' }, { now: at(1), disk: dyingDisk(after) }).catch((error: unknown) => {
        if (!(error instanceof Crash)) throw error;
      });
      if (existsSync(ws.outDir) && liveSite(ws.outDir) === 'B') throw new Error('the publish went through without the site ever missing');
    }
    expect(listSite(target(ws)).lines).toContain('上次替换网站时被中断：下次发布或回退时会自动修复。');
    expect(await recoverSite(target(ws))).toEqual(['上次发布或回退在替换网站时被中断，已先恢复原来的网站。']);
    expect(fingerprint(ws.outDir)).toEqual(a);
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'A' }, interrupted: false });
  });

  it('lists the live site and the kept versions, marking the one a rollback brings back', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    await publish(ws, 'B', 1);
    const { lines, list } = listSite(target(ws));
    expect(lines).toEqual([
      `网站文件夹：${ws.outDir}`,
      `现在在线：2026年6月1日 12:01 发布（B，2 个页面）  编号 ${list.live!.id}`,
      '保留的旧版本（最近在线的在前，最多 5 个）：',
      `  编号 ${list.kept[0]!.id}  2026年6月1日 12:00 发布（A，2 个页面），2026年6月1日 12:01 撤下  ← 回退会恢复这个版本`,
    ]);
  });

  it('says when the live folder was changed by hand since it was published, and describes what it holds', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    await publish(ws, 'B', 1);
    // A backup of A put back by hand, without npm run rollback.
    rmSync(ws.outDir, { recursive: true });
    makeSite(ws.outDir, 'A');
    writeFileSync(path.join(ws.outDir, 'extra.html'), '<p>x</p>');
    const { lines, list } = listSite(target(ws));
    expect(list.liveChanged).toBe(true);
    expect(lines[1]).toMatch(/^现在在线：.+发布（发布方式未记录，3 个页面）  编号 /);
    expect(lines[2]).toBe('网站文件夹中的文件在发布之后被改动或替换过，和发布记录不一致：上面写的是它现在的样子。下次发布会重新生成。');
    // Unchanged, it is the recorded version.
    await publish(ws, 'C', 2);
    expect(listSite(target(ws)).list).toMatchObject({ live: { command: 'C' }, liveChanged: false });
  });
});
