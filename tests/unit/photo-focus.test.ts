import { describe, expect, it } from 'vitest';
import { PHOTO_FOCUS } from '../../src/lib/labels';
import { focusClass, focusStyles, sharpPosition, type PhotoFocus } from '../../src/lib/photo-focus';

const FOCI = Object.keys(PHOTO_FOCUS) as PhotoFocus[];

describe('photo focus', () => {
  it('crops from the middle when no focus is given, on pages and on the share card', () => {
    expect(focusClass(undefined)).toBe('focus-center');
    expect(sharpPosition(undefined)).toBe('centre');
  });

  it.each([
    ['top', 'top'],
    ['top-left', 'left top'],
    ['bottom-right', 'right bottom'],
    ['left', 'left'],
    ['center', 'centre'],
  ] as const)('keeps %s of the photo on the share card with sharp position %j', (focus, position) => {
    expect(sharpPosition(focus)).toBe(position);
  });

  it.each(FOCI)('writes a rule for the class of %s that keeps that part in view', (focus) => {
    const position = new RegExp(`\\.${focusClass(focus)}\\{object-position:([^}]+)\\}`).exec(focusStyles())?.[1];
    const [x, y] = focus === 'center' ? ['50%', '50%'] : [focus.includes('left') ? '0%' : focus.includes('right') ? '100%' : '50%', focus.includes('top') ? '0%' : focus.includes('bottom') ? '100%' : '50%'];
    expect(position).toBe(`${x} ${y}`);
  });
});
