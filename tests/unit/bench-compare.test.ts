import { describe, expect, it } from 'vitest';
import { compareRows } from '../../scripts/bench/compare';

describe('compareRows', () => {
  it('sets every number two bench results share side by side, with now / before', () => {
    const before = { entries: 2000, build: { coldSeconds: 136.5, warmSeconds: 29.6 }, phases: { cold: { steps: { 'privacy-guard': 11200 } } }, node: 'v20' };
    const now = { entries: 2000, build: { coldSeconds: 68.25, warmSeconds: 14.8, editedSeconds: 15 }, phases: { cold: { steps: { 'privacy-guard': 11200 } } }, search: null };
    expect(compareRows(before, now)).toEqual({
      'entries': { before: 2000, now: 2000, ratio: 1 },
      'build.coldSeconds': { before: 136.5, now: 68.25, ratio: 0.5 },
      'build.warmSeconds': { before: 29.6, now: 14.8, ratio: 0.5 },
      'build.editedSeconds': { before: '', now: 15, ratio: '' },
      'phases.cold.steps.privacy-guard': { before: 11200, now: 11200, ratio: 1 },
    });
  });

  it('keeps what only the earlier result had, and never divides by zero', () => {
    expect(compareRows({ a: 0, gone: 3 }, { a: 5 })).toEqual({ a: { before: 0, now: 5, ratio: '' }, gone: { before: 3, now: '', ratio: '' } });
  });
});
