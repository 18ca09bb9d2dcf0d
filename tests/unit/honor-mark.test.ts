import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/lib/color';
import { honorMark, type HonorLevel } from '../../src/lib/honor-mark';
import { HONOR_LEVELS } from '../../src/lib/labels';

const LEVELS = Object.keys(HONOR_LEVELS) as HonorLevel[];

describe('honorMark', () => {
  it('draws an individual honour as a medal and a collective one as a pennant, whatever the level', () => {
    for (const level of [...LEVELS, undefined]) {
      expect(honorMark('individual', level).shape).toBe('medal');
      expect(honorMark('collective', level).shape).toBe('pennant');
    }
  });

  it('gives each level its own character and colour, so neither alone has to tell them apart', () => {
    const marks = LEVELS.map((level) => honorMark('individual', level));
    expect(new Set(marks.map((m) => m.glyph)).size).toBe(LEVELS.length);
    expect(new Set(marks.map((m) => m.fill)).size).toBe(LEVELS.length);
    expect(honorMark('individual', 'national').glyph).toBe('国');
    expect(honorMark('collective', 'provincial').glyph).toBe('省');
  });

  it('marks an honour of unstated level as 其他 does', () => {
    expect(honorMark('individual', undefined)).toEqual(honorMark('individual', 'other'));
  });

  it.each(LEVELS)('draws %s so its white character reads (4.5:1) and the mark stands out on white (3:1)', (level) => {
    const { fill } = honorMark('individual', level);
    expect(contrastRatio('#ffffff', fill)).toBeGreaterThanOrEqual(4.5);
  });
});
