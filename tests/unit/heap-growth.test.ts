import { describe, expect, it } from 'vitest';
import { heapGrowthFlags, LARGE_SITE_ENTRIES } from '../../src/lib/heap-growth';

describe('heapGrowthFlags', () => {
  it('leaves a small site to V8’s defaults', () => {
    expect(heapGrowthFlags(0)).toEqual([]);
    expect(heapGrowthFlags(LARGE_SITE_ENTRIES - 1)).toEqual([]);
  });

  it('lets a large site’s heaps grow by 30 % between collections', () => {
    expect(heapGrowthFlags(LARGE_SITE_ENTRIES)).toEqual(['--heap-growing-percent=30']);
    expect(heapGrowthFlags(10_000)).toEqual(['--heap-growing-percent=30']);
  });
});
