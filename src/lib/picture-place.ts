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
import { normalizeText } from './normalize-text';

export type PictureElsewhere = 'computer' | 'data' | 'web' | 'absolute' | 'outside';

/**
 * Where else than next to the entry `written` names a picture, or null when it is next to it.
 * Judged on the text as the clerk meant it (normalize-text.ts): `Ｄ：\照片` typed in an IME's
 * full-width mode, `．．/`, `%2e%2e/`, or a `../` behind a pasted zero-width or ideographic space
 * are named for what they are, not left to a "file not found" that says nothing of why.
 */
export function pictureElsewhere(written: string): PictureElsewhere | null {
  const meant = normalizeText(written, { origins: false }).text.trim();
  // `D:\照片\x.jpg`, `C:/Users/…`, a shared folder `\\server\照片\x.jpg`, or `\照片\x.jpg` on the
  // current drive (what Markdown leaves of a pasted `\\server\…`): a backslash is Windows's.
  if (/^[a-z]:[\\/]/i.test(meant) || meant.startsWith('\\')) return 'computer';
  if (/^data:/i.test(meant)) return 'data';
  if (/^[a-z][a-z0-9+.-]*:/i.test(meant)) return 'web';
  if (meant.startsWith('/')) return 'absolute';
  if (meant.split(/[\\/]/).some((segment) => segment.trim() === '..')) return 'outside';
  return null;
}
