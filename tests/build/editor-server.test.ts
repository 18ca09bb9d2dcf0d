/**
 * The 编辑台 as a clerk starts it (`npm run edit`, here with --no-open) on a copy of a fixture
 * site, asked with real HTTP requests: the token flow, the refusals of the request guard — also
 * in front of Astro's and Vite's own middlewares and Vite's websocket — and the list.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type EditorProcess } from './editor-process';
import { BUILD_ROOT } from './harness';
import { fingerprint } from '../unit/helpers/fingerprint';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let site = '';
let output = '';
let port = 0;
let token = '';
let cookie = '';

/** A raw HTTP request: any Host, any path as written (no `..` resolved), any method. */
function request(target: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request with a body, as the editor's page sends a save or a picture. */
function post(target: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: target, headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, cookie, 'content-length': String(bytes.length), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    // The server may refuse before reading everything (413): that is an answer, not an error.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(bytes);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body);

/** With the session cookie, as the editor's own page asks. */
const asEditor = (target: string, headers: Record<string, string> = {}, method = 'GET') => request(target, { method, headers: { cookie, ...headers } });

/** A websocket handshake as Vite's client starts it; resolves with the status line's code. */
function upgrade(headers: Record<string, string>, protocol = 'vite-ping'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: {
        host: `127.0.0.1:${port}`,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': protocol,
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const HONOR = `---
title: 个人嘉奖
scope: individual
awardedBy: 测试颁奖单位
recipients:
  officers: [wang-xiang]
---
`;
const OFFICER = `---
name: 王祥
role: police
unit: test-station
summary: 没有同意公开的民警。
---
`;

let editor: EditorProcess;

beforeAll(async () => {
  // As on a fresh clone, where `npm run edit` is the first thing run: Astro's maps of the content's
  // pictures and MDX entries are not in .astro/ yet (see ensureContentImportMaps).
  for (const file of ['content-assets.mjs', 'content-modules.mjs']) rmSync(path.join(BUILD_ROOT, '.astro', file), { force: true });
  editor = await startEditor('publishing', { 'content/officers/wang-xiang.md': OFFICER, 'content/honors/wang-xiang-jiajiang.md': HONOR });
  site = editor.siteDir;
  output = editor.output();
  ({ port, token } = editor);
  cookie = `honor_roll_editor_${port}=${token}`;
});

afterAll(async () => {
  await editor?.stop();
});

describe('npm run edit', () => {
  it('prints one short block in Chinese, without Astro’s English banner', () => {
    expect(output.trim().split('\n')).toEqual(['编辑台已启动', `请在浏览器中打开：http://127.0.0.1:${port}/__editor/?token=${token}`, '按 Ctrl+C 关闭']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('trades the printed token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const first = await request(`/__editor/?token=${token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/__editor/');
    expect(first.headers['set-cookie']).toEqual([`honor_roll_editor_${port}=${token}; Path=/; HttpOnly; SameSite=Strict`]);
    const page = await asEditor('/__editor/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>编辑台');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses the editor without the token, with a wrong one, and with the token in another case', async () => {
    for (const answer of [
      await request('/__editor/'),
      await request(`/__editor/?token=${'A'.repeat(43)}`),
      await request(`/__editor/?token=${token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase()}`),
      await request('/__editor/', { headers: { cookie: `honor_roll_editor_${port}=${'A'.repeat(43)}` } }),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatch(/访问令牌/);
    }
  });

  it('refuses a foreign Host (DNS rebinding), also with the right cookie', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `localhost.:${port}`, `[::1]:${port}`, `127.0.0.1:${port + 1}`]) {
      const answer = await asEditor('/__editor/', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body).toContain('不是编辑台的地址');
    }
  });

  it('refuses a foreign Origin and a null one', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const answer = await asEditor('/__editor/api/entries?collection=officers', { origin });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).error).toContain('其他网页');
    }
    expect((await asEditor('/__editor/api/entries?collection=officers', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a POST without Origin', async () => {
    const answer = await asEditor('/__editor/api/entries', {}, 'POST');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toContain('修改内容的请求');
  });

  it('refuses /@fs/etc/passwd: the guard without the cookie, Vite with it', async () => {
    for (const answer of [await request('/@fs/etc/passwd'), await asEditor('/@fs/etc/passwd')]) {
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('root:');
    }
  });

  it('refuses ../ in an editor address and in an id', async () => {
    const climbing = await asEditor('/__editor/api/../../etc/passwd');
    expect(climbing.status).toBe(400);
    expect(JSON.parse(climbing.body).error).toContain('路径不合法');
    expect((await asEditor('/__editor/api/%2e%2e/%2e%2e/etc/passwd')).status).toBe(400);
    const id = await asEditor('/__editor/api/entry?collection=officers&id=../../site.config');
    expect(id.status).toBe(400);
    expect(JSON.parse(id.body).error).toContain('不是有效的条目 id');
    expect((await asEditor('/__editor/api/entries?collection=../officers')).status).toBe(400);
  });

  it('runs before Astro’s and Vite’s own middlewares', async () => {
    // With the cookie, each of these is answered by Astro or Vite…
    expect((await asEditor('/officers//')).status).toBe(301); // Astro's trailing-slash middleware, put first by Astro
    expect((await asEditor('/', { accept: 'text/x-vite-ping' })).status).toBe(204); // Vite's HMR ping
    expect((await asEditor('/@vite/client')).status).toBe(200);
    expect((await asEditor('/src/editor/main.ts')).status).toBe(200);
    expect((await asEditor('/officers/test-officer/')).status).toBe(200);
    // …and without it, the guard answers first.
    for (const target of ['/officers//', '/', '/@vite/client', '/src/editor/main.ts', '/officers/test-officer/', '/__open-in-editor?file=package.json', '/favicon.svg']) {
      const answer = await request(target, { headers: { accept: target === '/' ? 'text/x-vite-ping' : '*/*' } });
      expect(answer.status, target).toBe(403);
      expect(answer.body, target).toContain('缺少访问令牌');
    }
  });

  it("closes Vite's open-in-editor, which starts a program, even to the editor's session", async () => {
    expect((await asEditor('/__open-in-editor?file=package.json')).status).toBe(404);
  });

  it("guards Vite's websocket handshake too", async () => {
    const own = { origin: `http://127.0.0.1:${port}` };
    expect(await upgrade({ ...own, cookie })).toBe(101);
    expect(await upgrade(own)).toBe(403);
    expect(await upgrade({ origin: 'https://evil.example', cookie })).toBe(403);
    expect(await upgrade({ ...own, cookie, host: `evil.example:${port}` })).toBe(403);
  });

  it('lists the people found by initials, with why they are not public', async () => {
    const answer = await asEditor('/__editor/api/entries?collection=officers&q=wx');
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body);
    expect(body.rows).toEqual([
      expect.objectContaining({
        id: 'wang-xiang',
        name: '王祥',
        public: false,
        why: '此人未同意公开，与其相关的 1 项荣誉也不会公开',
        badges: [{ kind: 'no-consent', text: '未同意公开' }],
      }),
    ]);
    const honors = JSON.parse((await asEditor('/__editor/api/entries?collection=honors&q=grjj')).body);
    expect(honors.rows.map((r: { why: string }) => r.why)).toEqual(['获奖人物“王祥”未同意公开，此荣誉不会公开']);
  });

  it('checks again when a content file changes', async () => {
    const list = async () => JSON.parse((await asEditor('/__editor/api/entries?collection=officers&q=lm')).body).rows.map((r: { id: string }) => r.id);
    expect(await list()).toEqual([]);
    writeFileSync(path.join(site, 'content', 'officers', 'li-ming.md'), OFFICER.replace('王祥', '李明').replace('summary:', 'consent: true\nsummary:'));
    let ids: string[] = [];
    for (let tries = 0; tries < 50 && ids.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ids = await list();
    }
    expect(ids).toEqual(['li-ming']);
  });

  it('answers API mistakes in Chinese', async () => {
    const unknown = await asEditor('/__editor/api/entries?collection=awards');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({ error: '没有“awards”这类内容。' });
    expect(JSON.parse((await asEditor('/__editor/api/entries?collection=officers&filter=x')).body).error).toBe('没有“x”这个筛选条件。');
    expect((await asEditor('/__editor/api/nothing')).status).toBe(404);
  });

  describe('saving', () => {
    const officer = { name: '李　四', role: 'auxiliary', unit: 'test-station', summary: '测试辅警，工号１２３。', consent: true };

    it('creates an entry checked as the build checks it, and its page is served from the file written', async () => {
      const answer = await post('/__editor/api/save', JSON.stringify({ collection: 'officers', data: officer, body: '事迹。' }));
      expect(answer.status).toBe(200);
      expect(json(answer)).toMatchObject({ ok: true, id: 'li-si', created: true, previewUrl: '/officers/li-si/' });
      expect(readFileSync(path.join(site, 'content/officers/li-si.md'), 'utf8')).toContain('name: 李　四\nrole: auxiliary');
      let page = await asEditor('/officers/li-si/');
      for (let tries = 0; tries < 50 && page.status !== 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        page = await asEditor('/officers/li-si/');
      }
      expect(page.body).toContain('测试辅警');
    });

    it('refuses a save that adds an error, next to its field, writing nothing', async () => {
      const answer = json(await post('/__editor/api/save', JSON.stringify({ collection: 'letters', data: { kind: 'banner', date: '2020-13', from: '市民', to: { officers: ['nobody'] }, summary: '感谢。' } })));
      expect(answer.ok).toBe(false);
      expect(answer.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual(
        expect.arrayContaining([
          ['date', 'date'],
          ['to.officers[0]', 'reference-missing'],
        ]),
      );
      expect(readdirSync(path.join(site, 'content/letters')).some((f) => f.includes('shi-min'))).toBe(false);
    });

    it('refuses a save from a foreign Origin, and an id that climbs out of the content folder', async () => {
      const foreign = await post('/__editor/api/save', JSON.stringify({ collection: 'officers', data: officer }), { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      const climbing = await post('/__editor/api/save', JSON.stringify({ collection: 'officers', id: '../../site.config', data: officer }));
      expect(climbing.status).toBe(400);
      expect(json(climbing).error).toContain('不是有效的条目 id');
      expect((await post('/__editor/api/save', JSON.stringify({ collection: '../units', data: officer }))).status).toBe(400);
    });

    it('refuses an oversized upload before reading it, and anything that is not a picture', async () => {
      const big = await post('/__editor/api/photo?collection=officers', Buffer.alloc(26 * 1024 * 1024, 1), { 'x-file-name': 'big.jpg' });
      expect(big.status).toBe(413);
      expect(json(big).error).toContain('图片太大');
      const text = json(await post('/__editor/api/photo?collection=officers', 'not a picture', { 'x-file-name': encodeURIComponent('说明.txt') }));
      expect(text).toMatchObject({ ok: false, message: '说明.txt 不是可以读取的图片' });
    });

    it('takes a phone photo through the intake: what is kept and written has no metadata', async () => {
      const phone = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#777' } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExifMerge({ IFD0: { ImageDescription: 'GPS 32.4N 119.9E 13812345678' } })
        .toBuffer();
      const upload = json(await post('/__editor/api/photo?collection=officers', phone, { 'x-file-name': 'IMG_0456.JPG' }));
      expect(upload).toMatchObject({ ok: true, width: 32, height: 64 });
      const saved = json(await post('/__editor/api/save', JSON.stringify({ collection: 'officers', id: 'li-si', data: { photoAlt: '李四在执勤' }, upload: upload.upload })));
      expect(saved).toMatchObject({ ok: true, changed: ['photo', 'photoAlt'] });
      const written = readFileSync(path.join(site, 'content/officers/li-si.jpg'));
      expect((await sharp(written).metadata()).exif).toBeUndefined();
      expect(written.includes('13812345678')).toBe(false);
    });

    it('undoes the last save of an entry, and removes a new entry when its creation is undone', async () => {
      // The history is the site's own, next to its content, not the project's.
      expect(existsSync(path.join(site, '.honor-roll', 'history', 'log.jsonl'))).toBe(true);
      const undo = () => post('/__editor/api/undo', JSON.stringify({ collection: 'officers', id: 'li-si' }));
      expect(json(await undo())).toMatchObject({ ok: true, removed: false });
      expect(readFileSync(path.join(site, 'content/officers/li-si.md'), 'utf8')).not.toContain('photo');
      expect(json(await undo())).toMatchObject({ ok: true, removed: true });
      expect(existsSync(path.join(site, 'content/officers/li-si.md'))).toBe(false);
      expect(json(await undo())).toMatchObject({ ok: false });
    });

    it('shows each new person’s photo on their page, also after a new person and their photo are taken back with 撤销', async () => {
      /** Creates a person with a photo and waits for their page; returns its <img>, or the page's error. */
      async function createWithPhoto(name: string, id: string, background: string): Promise<string> {
        const photo = await sharp({ create: { width: 60, height: 80, channels: 3, background } }).jpeg().toBuffer();
        const upload = json(await post('/__editor/api/photo?collection=officers', photo, { 'x-file-name': 'IMG_0001.jpg' }));
        const saved = json(await post('/__editor/api/save', JSON.stringify({ collection: 'officers', data: { name, role: 'police', unit: 'test-station', summary: '测试民警。', consent: true, photoAlt: `${name}的照片` }, upload: upload.upload })));
        expect(saved).toMatchObject({ ok: true, id });
        return pictureOn(`/officers/${id}/`, `${name}的照片`);
      }
      /**
       * The page's <img> with `alt` once the dev server shows it, or what the page says instead,
       * with the last error the editor printed (Astro's names the picture it could not find).
       */
      async function pictureOn(address: string, alt: string): Promise<string> {
        let page = await asEditor(address);
        // Up to 30 s: on a machine busy with other builds a page has been seen to take more than 10.
        for (let tries = 0; tries < 150 && !page.body.includes(`alt="${alt}"`); tries++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          page = await asEditor(address);
        }
        const logged = editor.output().match(/\[ERROR\].*/g)?.at(-1) ?? '';
        return page.body.match(new RegExp(`<img[^>]*alt="${alt}"[^>]*>`))?.[0] ?? `${page.status} ${page.body.match(/<title>[^<]*/)?.[0]} ${logged}`;
      }
      const image = (id: string) => new RegExp(`src="/_image/?\\?href=[^"]*%2F${id}\\.jpg`);
      // The second picture of a session was shown as its path in text (LocalImageUsedWrongly).
      expect(await createWithPhoto('张三', 'zhang-san', '#3a6ea5')).toMatch(image('zhang-san'));
      expect(await createWithPhoto('周一', 'zhou-yi', '#a53a3a')).toMatch(image('zhou-yi'));
      // A picture saved after a photo was removed made every page fail (ImageNotFound).
      expect(json(await post('/__editor/api/undo', JSON.stringify({ collection: 'officers', id: 'zhou-yi' })))).toMatchObject({ ok: true, removed: true });
      expect(existsSync(path.join(site, 'content/officers/zhou-yi.jpg'))).toBe(false);
      expect(await createWithPhoto('吴二', 'wu-er', '#3aa53a')).toMatch(image('wu-er'));
      expect(await pictureOn('/officers/zhang-san/', '张三的照片')).toMatch(image('zhang-san'));
      for (const id of ['wu-er', 'zhang-san']) expect(json(await post('/__editor/api/undo', JSON.stringify({ collection: 'officers', id })))).toMatchObject({ ok: true, removed: true });
    });

    it('offers references by name, pinyin and initials, and the form of a collection from its descriptions', async () => {
      const { options } = json(await asEditor('/__editor/api/options?collection=officers'));
      expect(options.find((o: { id: string }) => o.id === 'wang-xiang').search).toContain('wangxiang wx');
      const form = json(await asEditor('/__editor/api/form?collection=honors'));
      expect(form.fields.find((f: { key: string }) => f.key === 'recipients').fields.map((f: { key: string }) => f.key)).toEqual(['officers', 'units', 'others', 'count']);
    });
  });

  describe('importing', () => {
    const sheet = (rows: string[]) => Buffer.from(`\uFEFF姓名,身份,单位,一句话简介,同意公开\r\n${rows.join('\r\n')}\r\n`);
    const upload = (query: string, bytes: Buffer, name = '人物.csv') =>
      post(`/__editor/api/import?${query}`, bytes, { 'x-file-name': encodeURIComponent(name), 'content-type': 'text/csv' });

    it('checks a spreadsheet without writing, then imports it all at once, with the report of npm run import', async () => {
      const rows = ['赵六,民警,test-station,测试民警。,是', '钱七,辅警,测试警务站,测试辅警。,否'];
      const dry = json(await upload('collection=officers&dryRun=1', sheet(rows)));
      expect(dry.ok, dry.report).toBe(true);
      expect(dry.written).toBe(0);
      expect(existsSync(path.join(site, 'content/officers/zhao-liu.md'))).toBe(false);
      const real = json(await upload('collection=officers', sheet(rows)));
      expect(real.ok, real.report).toBe(true);
      expect(real.written).toBe(2);
      expect(real.report).toContain('zhao-liu.md');
      expect(readFileSync(path.join(site, 'content/officers/qian-qi.md'), 'utf8')).toContain('name: 钱七');
    });

    it('writes nothing when one row is wrong, and names the row and column', async () => {
      const bad = json(await upload('collection=officers', sheet(['孙八,民警,test-station,测试。,是', '周九,警长,test-station,测试。,是'])));
      expect(bad.ok).toBe(false);
      expect(bad.report).toMatch(/第 3 行，列「身份」/);
      expect(existsSync(path.join(site, 'content/officers/sun-ba.md'))).toBe(false);
      expect(json(await upload('collection=officers', Buffer.from('x'), '人物.xls')).report).toContain('另存为');
    });
  });

  describe('publishing', () => {
    const dist = () => path.join(path.dirname(site), 'dist');
    /** Presses 发布 and waits for the result, as the page does. */
    async function publish() {
      expect((await post('/__editor/api/publish', '{}')).status).toBe(202);
      for (;;) {
        const state = json(await asEditor('/__editor/api/publish'));
        if (!state.running && state.result) return state;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }

    it('publishes, keeps the site it replaces, and 回退 puts it back byte for byte', async () => {
      const first = await publish();
      expect(first.result.ok, first.result.lines.join('\n')).toBe(true);
      expect(first.result.lines[0]).toMatch(/^发布成功：\d+ 个页面。$/);
      expect(first.result.lines).toContain('  人物“王祥”（officers/wang-xiang）：此人未同意公开，与其相关的 1 项荣誉也不会公开');
      const published = fingerprint(dist());
      expect(published.some((f) => f.startsWith('officers/test-officer/index.html '))).toBe(true);

      await post('/__editor/api/save', JSON.stringify({ collection: 'officers', id: 'test-officer', data: { title: '站长' } }));
      const second = await publish();
      expect(second.result.ok).toBe(true);
      expect(second.canRollback).toBe(true);
      expect(readFileSync(path.join(dist(), 'officers/test-officer/index.html'), 'utf8')).toContain('站长');

      const rollback = json(await post('/__editor/api/rollback', '{}'));
      expect(rollback.ok, rollback.lines.join('\n')).toBe(true);
      expect(fingerprint(dist())).toEqual(published);
    });

    it('leaves the live site untouched when the build fails, and says why in Chinese', async () => {
      const live = fingerprint(dist());
      writeFileSync(path.join(site, 'content', 'officers', 'broken.md'), OFFICER.replace('unit: test-station', 'unit: nowhere'));
      const failed = await publish();
      expect(failed.result.ok).toBe(false);
      expect(failed.result.lines[0]).toBe('发布失败。网站没有更新：正在使用的网站保持不变。');
      expect(failed.result.lines.join('\n')).toContain('nowhere');
      expect(fingerprint(dist())).toEqual(live);
    });
  });
});
