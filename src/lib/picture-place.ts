/**
 * Where a picture an entry names may be: a file next to the entry, in its folder or one below it.
 * The one rule for a picture field (`photo: wang-xiang.jpg`) and a body picture
 * (`![说明](./照片/1.jpg)`); each says it in its own words (check-content.ts, body-safety.ts).
 *
 * Anything else would not travel with the site's folder, and may reach what it should not: a web
 * address is fetched by every reader's phone (telling that server who reads what), a path on this
 * computer or a shared drive is opened by no reader, a `../` or an absolute path reaches files of
 * other entries or of the computer, a `data:` address carries its bytes and their metadata.
 */
export type PictureElsewhere = 'computer' | 'data' | 'web' | 'absolute' | 'outside';

/** Where else than next to the entry `written` names a picture, or null when it is next to it. */
export function pictureElsewhere(written: string): PictureElsewhere | null {
  // `D:\照片\x.jpg`, `C:/Users/…`, a shared folder `\\server\照片\x.jpg`, or `\照片\x.jpg` on the
  // current drive (what Markdown leaves of a pasted `\\server\…`): a backslash is Windows's.
  if (/^[a-z]:[\\/]/i.test(written) || written.startsWith('\\')) return 'computer';
  if (/^data:/i.test(written)) return 'data';
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return 'web';
  if (written.startsWith('/')) return 'absolute';
  if (written.split(/[\\/]/).includes('..')) return 'outside';
  return null;
}
