/**
 * Published versions on temporary folders with small fake sites: publishing keeps the replaced
 * site, a rollback brings it back and a second one undoes the first, old versions are pruned, and
 * a swap stopped after any single file operation — as a killed process stops — is repaired by the
 * next run so that the site is never missing and no version is lost.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderBusyError } from '../../src/lib/folder-rename';
import {
  folderStamp,
  listReleases,
  NODE_DISK,
  publishStaging,
  pruneReleases,
  recoverReleases,
  rollbackRelease,
  UNRECORDED_COMMAND,
  versionsDirFor,
  type ReleaseDisk,
} from '../../src/lib/releases';
import { at, Crash, dyingDisk, liveSite, makeSite, NO_WAIT, publish, removeWorkspaces, workspace } from './helpers/fake-sites';
import { fingerprint } from './helpers/fingerprint';

/** Nothing but records and complete versions is left in the versions folder. */
function leftovers(outDir: string): string[] {
  return readdirSync(versionsDirFor(outDir)).filter((name) => name !== 'live.json' && !/^\d{8}-\d{6}-\d{3}$/.test(name));
}

afterAll(removeWorkspaces);

describe('publishing keeps the replaced site', () => {
  it('the first publish has no earlier version; the second keeps the first next to the output, with its record', async () => {
    const ws = workspace();
    const a = await publish(ws, 'A', 0);
    expect(fingerprint(ws.outDir)).toEqual(a);
    expect(existsSync(ws.staging)).toBe(false);
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'A', pages: 2, files: 4, audience: 'public' }, kept: [], previous: null });

    await publish(ws, 'B', 1);
    const list = listReleases(ws.outDir);
    expect(list.versionsDir).toBe(path.join(ws.work, '.dist-versions'));
    expect(list.live).toMatchObject({ id: '20260601-120100-001', command: 'B', publishedAt: at(1).toISOString() });
    expect(list.kept).toEqual([expect.objectContaining({ id: '20260601-120000-001', command: 'A', retiredAt: at(1).toISOString() })]);
    expect(fingerprint(path.join(list.versionsDir, list.kept[0]!.id, 'site'))).toEqual(a);
    expect(list.previous?.command).toBe('A');
    expect(leftovers(ws.outDir)).toEqual([]);
  });

  it('two publishes in the same second get different ids', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    await publish(ws, 'B', 0);
    expect([listReleases(ws.outDir).live?.id, listReleases(ws.outDir).kept[0]?.id]).toEqual(['20260601-120000-002', '20260601-120000-001']);
  });

  it('a site published before versions were recorded is kept too, its record made up from the folder', async () => {
    const ws = workspace();
    const old = makeSite(ws.outDir, 'OLD');
    await publish(ws, 'A', 5);
    const { kept, versionsDir } = listReleases(ws.outDir);
    expect(kept).toEqual([expect.objectContaining({ command: UNRECORDED_COMMAND, pages: 2, files: 4 })]);
    expect(fingerprint(path.join(versionsDir, kept[0]!.id, 'site'))).toEqual(old);
  });

  it('a live site emptied or changed by hand is kept with a record made up from what it holds, not the one it was published with', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    for (const file of readdirSync(ws.outDir)) rmSync(path.join(ws.outDir, file), { recursive: true });
    writeFileSync(path.join(ws.outDir, 'note.txt'), '手工放进来的文件');
    await publish(ws, 'B', 1);
    const { live, kept } = listReleases(ws.outDir);
    expect(live).toMatchObject({ command: 'B' });
    expect(kept).toEqual([expect.objectContaining({ command: UNRECORDED_COMMAND, pages: 0, files: 1 })]);
  });

  it('a staging folder on another disk is copied next to the output first', async () => {
    const ws = workspace();
    const acrossDisks: ReleaseDisk = {
      ...NODE_DISK,
      rename: (from, to) => {
        if (from === ws.staging) throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
        renameSync(from, to);
      },
    };
    const a = await publish(ws, 'A', 0, { disk: acrossDisks });
    expect(fingerprint(ws.outDir)).toEqual(a);
    expect(existsSync(ws.staging)).toBe(false);
  });
});

describe('rollback', () => {
  it('brings the previous site back byte for byte; a second rollback brings back what was live before it', async () => {
    const ws = workspace();
    const a = await publish(ws, 'A', 0);
    const b = await publish(ws, 'B', 1);

    const first = await rollbackRelease(ws.outDir, {}, { now: at(2) });
    expect(first).toMatchObject({ ok: true, from: { command: 'B' }, to: { command: 'A' } });
    expect(fingerprint(ws.outDir)).toEqual(a);
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'A' }, kept: [{ command: 'B' }] });
    expect(listReleases(ws.outDir).live?.retiredAt).toBeUndefined();

    const second = await rollbackRelease(ws.outDir, {}, { now: at(3) });
    expect(second).toMatchObject({ ok: true, from: { command: 'A' }, to: { command: 'B' } });
    expect(fingerprint(ws.outDir)).toEqual(b);
    expect(leftovers(ws.outDir)).toEqual([]);
  });

  it('goes back further with a version named from the list, and refuses an unknown or live one', async () => {
    const ws = workspace();
    const a = await publish(ws, 'A', 0);
    await publish(ws, 'B', 1);
    await publish(ws, 'C', 2);
    const { kept, live } = listReleases(ws.outDir);
    expect(kept.map((r) => r.command)).toEqual(['B', 'A']);

    expect(await rollbackRelease(ws.outDir, { to: 'nope' })).toMatchObject({ ok: false, reason: 'unknown-version' });
    expect(await rollbackRelease(ws.outDir, { to: live!.id })).toMatchObject({ ok: false, reason: 'already-live' });
    expect(await rollbackRelease(ws.outDir, { to: kept[1]!.id }, { now: at(3) })).toMatchObject({ ok: true, to: { command: 'A' } });
    expect(fingerprint(ws.outDir)).toEqual(a);
    // The one live just before is what the next rollback brings back.
    expect(listReleases(ws.outDir).previous?.command).toBe('C');
  });

  it('without an earlier version says so and changes nothing', async () => {
    const ws = workspace();
    expect(await rollbackRelease(ws.outDir)).toMatchObject({ ok: false, reason: 'no-earlier', list: { live: null } });
    const a = await publish(ws, 'A', 0);
    expect(await rollbackRelease(ws.outDir)).toMatchObject({ ok: false, reason: 'no-earlier', list: { live: { command: 'A' } } });
    expect(fingerprint(ws.outDir)).toEqual(a);
  });
});

describe('what each version was built from', () => {
  it('is recorded with it, and a rollback brings the record back with the site, so the next build compares with what is live', async () => {
    const ws = workspace();
    makeSite(ws.staging, 'A');
    await publishStaging(ws.staging, ws.outDir, { command: 'A', audience: 'public', inputs: 'inputs-of-a' }, { now: at(0) });
    makeSite(ws.staging, 'B');
    await publishStaging(ws.staging, ws.outDir, { command: 'B', audience: 'public', inputs: 'inputs-of-b' }, { now: at(1) });
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'B', inputs: 'inputs-of-b' }, kept: [{ command: 'A', inputs: 'inputs-of-a' }] });
    // And what the live folder held when published: still so after the rename into place.
    expect(listReleases(ws.outDir).live?.output).toBe(folderStamp(ws.outDir));
    await rollbackRelease(ws.outDir, {}, { now: at(2) });
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'A', inputs: 'inputs-of-a' }, kept: [{ command: 'B', inputs: 'inputs-of-b' }] });
    expect(listReleases(ws.outDir).live?.output).toBe(folderStamp(ws.outDir));
  });

  it('the stamp of a folder changes with a file edited, added or removed by hand, not with a move', () => {
    const ws = workspace();
    makeSite(ws.outDir, 'A');
    const stamp = folderStamp(ws.outDir);
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    renameSync(ws.outDir, ws.staging);
    expect(folderStamp(ws.staging)).toBe(stamp);
    const page = path.join(ws.staging, 'index.html');
    const { mtime } = statSync(page);
    // The same size, another time: a page fixed in Notepad.
    writeFileSync(page, readFileSync(page, 'utf8').replace('site A', 'site Z'));
    utimesSync(page, mtime, new Date(mtime.getTime() + 1000));
    expect(folderStamp(ws.staging)).not.toBe(stamp);
    utimesSync(page, mtime, mtime);
    writeFileSync(path.join(ws.staging, 'extra.txt'), 'x');
    expect(folderStamp(ws.staging)).not.toBe(stamp);
    // A folder that cannot be read whole has no stamp.
    symlinkSync(path.join(ws.work, 'nowhere'), path.join(ws.staging, 'broken.svg'));
    expect(folderStamp(ws.staging)).toBeNull();
  });
});

describe('pruning', () => {
  /** Fake kept versions, retired one minute apart; the live one says which was live before it. */
  function fakeVersions(count: number, before: (ids: string[]) => string) {
    const ws = workspace();
    makeSite(ws.outDir, 'LIVE');
    const dir = versionsDirFor(ws.outDir);
    const ids = Array.from({ length: count }, (_, i) => `20260601-12${String(i).padStart(2, '0')}00-001`);
    for (const [i, id] of ids.entries()) {
      makeSite(path.join(dir, id, 'site'), `V${i}`);
      writeFileSync(path.join(dir, id, 'release.json'), JSON.stringify({ id, publishedAt: at(i).toISOString(), command: `V${i}`, pages: 2, files: 4, retiredAt: at(i + 1).toISOString() }));
    }
    const live = { id: '20260601-130000-001', publishedAt: at(59).toISOString(), command: 'LIVE', pages: 2, files: 4 };
    writeFileSync(path.join(dir, 'live.json'), JSON.stringify({ release: live, before: before(ids) }));
    return { ws, ids, dir };
  }

  it('keeps the 5 versions live most recently and deletes the rest, oldest first', () => {
    const { ws, ids } = fakeVersions(7, (ids) => ids.at(-1)!);
    expect(pruneReleases(ws.outDir)).toEqual([ids[1], ids[0]]);
    expect(listReleases(ws.outDir).kept.map((r) => r.id)).toEqual(ids.slice(2).reverse());
    expect(leftovers(ws.outDir)).toEqual([]);
    expect(pruneReleases(ws.outDir)).toEqual([]);
  });

  it('never deletes the version a rollback would bring back', () => {
    const { ws, ids } = fakeVersions(7, (ids) => ids[0]!);
    expect(pruneReleases(ws.outDir)).toEqual([ids[1]]);
    expect(listReleases(ws.outDir).previous?.id).toBe(ids[0]);
  });

  it('publishing an eighth site leaves the live one and 5 earlier ones', async () => {
    const ws = workspace();
    for (let i = 0; i < 8; i++) await publish(ws, `S${i}`, i);
    const { live, kept } = listReleases(ws.outDir);
    expect([live!.command, ...kept.map((r) => r.command)]).toEqual(['S7', 'S6', 'S5', 'S4', 'S3', 'S2']);
  });
});

describe('a swap stopped after any file operation', () => {
  it('publishing: the next run leaves either the old or the new site live, with its own record, never none', async () => {
    const outcomes = new Set<string>();
    for (let after = 0; ; after++) {
      const ws = workspace();
      const a = await publish(ws, 'A', 0);
      const b = makeSite(ws.staging, 'B');
      let finished = true;
      try {
        await publishStaging(ws.staging, ws.outDir, { command: 'B' }, { now: at(1), disk: dyingDisk(after) });
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
        finished = false;
      }
      await recoverReleases(ws.outDir);
      const live = liveSite(ws.outDir);
      outcomes.add(live!);
      expect(fingerprint(ws.outDir), `stopped after ${after}`).toEqual(live === 'A' ? a : b);
      const list = listReleases(ws.outDir);
      expect(list.live?.command).toBe(live);
      if (live === 'B') expect(fingerprint(path.join(list.versionsDir, list.kept[0]!.id, 'site'))).toEqual(a);
      expect(leftovers(ws.outDir), `stopped after ${after}`).toEqual([]);
      if (finished) break;
    }
    expect(outcomes).toEqual(new Set(['A', 'B']));
  });

  it('rolling back: the next run leaves one of the two live and the other kept, byte for byte', async () => {
    const outcomes = new Set<string>();
    for (let after = 0; ; after++) {
      const ws = workspace();
      const sites = { A: await publish(ws, 'A', 0), B: await publish(ws, 'B', 1) };
      let finished = true;
      try {
        await rollbackRelease(ws.outDir, {}, { now: at(2), disk: dyingDisk(after) });
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
        finished = false;
      }
      await recoverReleases(ws.outDir);
      const live = liveSite(ws.outDir) as 'A' | 'B';
      outcomes.add(live);
      const other = live === 'A' ? 'B' : 'A';
      const list = listReleases(ws.outDir);
      expect(fingerprint(ws.outDir), `stopped after ${after}`).toEqual(sites[live]);
      expect(list.live?.command).toBe(live);
      expect(list.kept.map((r) => r.command)).toEqual([other]);
      expect(fingerprint(path.join(list.versionsDir, list.kept[0]!.id, 'site'))).toEqual(sites[other]);
      expect(leftovers(ws.outDir)).toEqual([]);
      if (finished) {
        expect(live).toBe('A');
        break;
      }
    }
    expect(outcomes).toEqual(new Set(['A', 'B']));
  });

  it('a swap of the previous build code, stopped between its renames, is repaired too', async () => {
    const ws = workspace();
    const old = makeSite(path.join(ws.work, '.dist-previous'), 'OLD');
    makeSite(path.join(ws.work, '.dist-incoming'), 'NEW');
    expect(await recoverReleases(ws.outDir)).toBe('restored');
    expect(fingerprint(ws.outDir)).toEqual(old);
    expect(readdirSync(ws.work).sort()).toEqual(['dist']);
  });
});

describe('a site folder in use (Windows)', () => {
  /** The disk as Windows behaves while nginx has a file of `busy` open: it cannot be renamed. */
  const busyDisk = (busy: () => string, times = Infinity): ReleaseDisk => {
    let failures = 0;
    return {
      ...NODE_DISK,
      rename: (from, to) => {
        if (from === busy() && failures++ < times) throw Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
        renameSync(from, to);
      },
    };
  };

  it('a rename that fails a few times is retried until it works', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    const b = await publish(ws, 'B', 1, { disk: busyDisk(() => ws.outDir, 2), retry: NO_WAIT });
    expect(fingerprint(ws.outDir)).toEqual(b);
  });

  it('publishing into a folder that stays busy fails in Chinese, saying what to close, and the site stays', async () => {
    const ws = workspace();
    const a = await publish(ws, 'A', 0);
    const failed = publish(ws, 'B', 1, { disk: busyDisk(() => ws.outDir), retry: NO_WAIT });
    await expect(failed).rejects.toThrow(FolderBusyError);
    await expect(failed).rejects.toThrow(/无法移动文件夹 .*其他程序使用（EBUSY），已重试 3 次/);
    const error = (await failed.catch((e: unknown) => e)) as FolderBusyError;
    expect(error.hint).toMatch(/nginx -s stop/);
    expect(fingerprint(ws.outDir)).toEqual(a);
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'A' }, kept: [], interrupted: false });
  });

  it('a kept version that stays busy is put back where it was, and the live site stays', async () => {
    const ws = workspace();
    await publish(ws, 'A', 0);
    const b = await publish(ws, 'B', 1);
    const kept = () => path.join(versionsDirFor(ws.outDir), listReleases(ws.outDir).kept[0]?.id ?? 'none', 'site');
    const keptPath = kept();
    await expect(rollbackRelease(ws.outDir, {}, { disk: busyDisk(() => keptPath), retry: NO_WAIT })).rejects.toThrow(FolderBusyError);
    expect(fingerprint(ws.outDir)).toEqual(b);
    expect(listReleases(ws.outDir)).toMatchObject({ live: { command: 'B' }, kept: [{ command: 'A' }], interrupted: false });
    expect(leftovers(ws.outDir)).toEqual([]);
  });
});
