import { describe, expect, it } from 'vitest';
import { imageWidths } from '../../src/lib/image-widths';

describe('imageWidths', () => {
  it('keeps the widths and sets width to the largest, so src is one of the srcset files', () => {
    expect(imageWidths({ width: 1600 }, [256, 512])).toEqual({ widths: [256, 512], width: 512 });
  });

  it('never asks for more than the original: the original width takes the place of larger ones', () => {
    expect(imageWidths({ width: 480 }, [256, 512])).toEqual({ widths: [256, 480], width: 480 });
    expect(imageWidths({ width: 200 }, [256, 512])).toEqual({ widths: [200], width: 200 });
  });

  it('works for a single width', () => {
    expect(imageWidths({ width: 1000 }, [468])).toEqual({ widths: [468], width: 468 });
  });
});
