import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContentPath, type ContentTarget } from '../../../src/lib/editor/content-path';

let work: string;
let content: string;
let outside: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'editor-content-path-'));
  content = path.join(work, 'site', 'content');
  outside = path.join(work, 'outside');
  mkdirSync(path.join(content, 'officers', '2020'), { recursive: true });
  mkdirSync(path.join(content, 'honors'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  writeFileSync(path.join(content, 'officers', 'wang-xiang.md'), '---\nname: 王祥\n---\n');
  writeFileSync(path.join(content, 'officers', '2020', 'li-ming.md'), '---\nname: 李明\n---\n');
  // Links planted inside the content folder that lead out of it.
  symlinkSync(outside, path.join(content, 'officers', 'linked'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(content, 'officers', 'zhang-san.md'));
  symlinkSync(outside, path.join(content, 'letters'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(content, 'honors', 'photo.jpg'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const resolve = (target: ContentTarget) => resolveContentPath(content, target);
const refusal = (target: ContentTarget) => {
  const result = resolve(target);
  if (result.ok) throw new Error(`expected a refusal, got ${result.path}`);
  return result;
};

describe('resolveContentPath: entries and images strictly inside the content folder', () => {
  it('places a new entry at the top of its collection, with the format’s extension', () => {
    expect(resolve({ collection: 'officers', id: 'zhao-liu' })).toEqual({ ok: true, collection: 'officers', path: path.join(content, 'officers', 'zhao-liu.md') });
    expect(resolve({ collection: 'stats', id: 'period-2020' })).toMatchObject({ ok: true, path: path.join(content, 'stats', 'period-2020.yaml') });
  });

  it('finds an existing entry in a sub-folder, and its image next to it', () => {
    expect(resolve({ collection: 'officers', id: 'li-ming', existing: 'officers/2020/li-ming.md' })).toMatchObject({ ok: true, path: path.join(content, 'officers', '2020', 'li-ming.md') });
    expect(resolve({ collection: 'officers', id: 'li-ming', existing: 'officers/2020/li-ming.md', file: 'li-ming.jpg' })).toMatchObject({
      ok: true,
      path: path.join(content, 'officers', '2020', 'li-ming.jpg'),
    });
    expect(resolve({ collection: 'officers', id: 'wang-xiang', file: '王祥 证书.PNG' })).toMatchObject({ ok: true });
  });

  it('works when the content folder itself is reached through a link', () => {
    const linkedSite = path.join(work, 'linked-site');
    symlinkSync(path.join(work, 'site'), linkedSite);
    expect(resolveContentPath(path.join(linkedSite, 'content'), { collection: 'officers', id: 'wang-xiang' })).toMatchObject({ ok: true });
  });

  it.each(['../officers', 'officer', 'Officers', '__proto__', 'constructor', '', 'officers/..', '/etc'])('refuses the unknown collection %j', (collection) => {
    expect(refusal({ collection, id: 'wang-xiang' })).toMatchObject({ status: 400, reason: expect.stringContaining('这类内容') });
  });

  it.each([
    ['dot-dot', '..'],
    ['a traversal', '../../site.config'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\Windows\\win.ini'],
    ['a drive letter', 'c:'],
    ['a backslash', 'a\\b'],
    ['NUL', 'wang\0xiang'],
    ['percent-encoded traversal', '%2e%2e%2fsite'],
    ['upper case', 'Wang-Xiang'],
    ['a space', 'wang xiang'],
    ['an extension', 'wang-xiang.md'],
    ['Chinese characters', '王祥'],
    ['an empty id', ''],
    ['a very long id', 'a'.repeat(121)],
  ])('refuses an id with %s', (_name, id) => {
    expect(refusal({ collection: 'officers', id }).status).toBe(400);
  });

  it.each(['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9'])('refuses the Windows device name %s as an id', (id) => {
    expect(refusal({ collection: 'officers', id }).reason).toContain('Windows 保留的设备名');
  });

  it.each([
    ['dot-dot', '..'],
    ['a traversal', '../../site.config.yaml'],
    ['a climb hidden in a name', 'a/../../b.jpg'],
    ['an absolute path', '/etc/passwd.jpg'],
    ['a Windows path', 'C:\\photo.jpg'],
    ['a drive letter and stream', 'c:photo.jpg'],
    ['an NTFS stream', 'photo.jpg:evil'],
    ['a backslash', '..\\photo.jpg'],
    ['NUL', 'photo\0.jpg'],
    ['percent-encoded traversal', '%2e%2e%2fphoto.jpg'],
    ['a percent-encoded slash', 'a%2fphoto.jpg'],
    ['a trailing dot, dropped by Windows', 'photo.jpg.'],
    ['a trailing space, dropped by Windows', 'photo.jpg '],
    ['a hidden file', '.photo.jpg'],
    ['an 8.3 short name', 'PHOTO~1.JPG'],
    ['a full-width slash', 'a／photo.jpg'],
    ['a full-width dot-dot', '．．photo.jpg'],
    ['two dots', 'photo..jpg'],
    ['not an image', 'notes.md'],
    ['no extension', 'photo'],
  ])('refuses an image file name with %s', (_name, file) => {
    expect(refusal({ collection: 'officers', id: 'wang-xiang', file }).status).toBe(400);
  });

  it.each(['CON.jpg', 'con.png', 'Nul.jpeg', 'aux.tar.jpg', 'COM1.jpg', 'lpt9.png', 'COM¹.jpg', 'conin$.jpg'])('refuses the device name %s as an image', (file) => {
    expect(refusal({ collection: 'officers', id: 'wang-xiang', file }).status).toBe(400);
  });

  it.each([
    ['in another collection', 'honors/wang-xiang.md'],
    ['of another id', 'officers/li-ming.md'],
    ['with a climbing folder', 'officers/../officers/wang-xiang.md'],
    ['with an absolute path', '/officers/wang-xiang.md'],
    ['with a backslash', 'officers\\wang-xiang.md'],
    ['with a device folder', 'officers/con/wang-xiang.md'],
    ['with a wrong extension', 'officers/wang-xiang.txt'],
  ])('refuses an existing file %s', (_name, existing) => {
    expect(refusal({ collection: 'officers', id: 'wang-xiang', existing }).status).toBe(400);
  });

  it('refuses a folder that is a link to outside the content folder', () => {
    expect(refusal({ collection: 'officers', id: 'secret', existing: 'officers/linked/secret.md' })).toMatchObject({ status: 403, reason: expect.stringContaining('链接') });
    expect(refusal({ collection: 'officers', id: 'secret', existing: 'officers/linked/secret.md', file: 'x.jpg' }).status).toBe(403);
  });

  it('refuses an entry file that is a link to outside', () => {
    expect(refusal({ collection: 'officers', id: 'zhang-san' }).status).toBe(403);
  });

  it('refuses a collection folder that is a link to outside, for new entries too', () => {
    expect(refusal({ collection: 'letters', id: 'new-letter' }).status).toBe(403);
  });

  it('refuses an image that is a link to outside', () => {
    expect(refusal({ collection: 'honors', id: 'some-honor', file: 'photo.jpg' }).status).toBe(403);
  });

  it('refuses everything when the content folder does not exist', () => {
    expect(resolveContentPath(path.join(work, 'missing'), { collection: 'officers', id: 'wang-xiang' })).toMatchObject({ ok: false, status: 403 });
  });
});
