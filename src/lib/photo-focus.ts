/**
 * Where a portrait is cropped from when its frame is narrower or wider than the photo (the 4:5
 * cards, the share card): the part of the photo to keep, so a crop never cuts a face. The one
 * table of positions: the pages' CSS classes and the share card's crop both come from it.
 */
import { PHOTO_FOCUS } from './labels';

export type PhotoFocus = keyof typeof PHOTO_FOCUS;

/** The point kept in view, in per cent of the photo's width and height. */
const POSITIONS: Record<PhotoFocus, { x: 0 | 50 | 100; y: 0 | 50 | 100 }> = {
  'top-left': { x: 0, y: 0 },
  top: { x: 50, y: 0 },
  'top-right': { x: 100, y: 0 },
  left: { x: 0, y: 50 },
  center: { x: 50, y: 50 },
  right: { x: 100, y: 50 },
  'bottom-left': { x: 0, y: 100 },
  bottom: { x: 50, y: 100 },
  'bottom-right': { x: 100, y: 100 },
};

/** Without a focus the middle is kept, as CSS and sharp do by default. */
export const DEFAULT_FOCUS: PhotoFocus = 'center';

/** The class of an `<img>` cropped with `object-fit: cover`. */
export function focusClass(focus: PhotoFocus | undefined): string {
  return `focus-${focus ?? DEFAULT_FOCUS}`;
}

/** The CSS rules of every focus class (`.focus-top{object-position:50% 0%}`), for the site's stylesheet. */
export function focusStyles(): string {
  return (Object.keys(POSITIONS) as PhotoFocus[]).map((focus) => `.${focusClass(focus)}{object-position:${POSITIONS[focus].x}% ${POSITIONS[focus].y}%}`).join('');
}

/** sharp's `position` for `fit: 'cover'`: `'left top'`, `'top'`, `'centre'`… */
export function sharpPosition(focus: PhotoFocus | undefined): string {
  const { x, y } = POSITIONS[focus ?? DEFAULT_FOCUS];
  const words = [x === 0 ? 'left' : x === 100 ? 'right' : '', y === 0 ? 'top' : y === 100 ? 'bottom' : ''].filter(Boolean);
  return words.length > 0 ? words.join(' ') : 'centre';
}
