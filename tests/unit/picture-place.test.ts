import { describe, expect, it } from 'vitest';
import { pictureElsewhere } from '../../src/lib/picture-place';

describe('pictureElsewhere', () => {
  it('accepts a file next to the entry, in its folder or one below', () => {
    for (const written of ['wang-xiang.jpg', './wang-xiang.jpg', '照片/1.jpg', './照片/现场 1.jpg', 'a..b.jpg', '照片\\1.jpg']) {
      expect(pictureElsewhere(written), written).toBeNull();
    }
  });

  it('names a path on this computer or a shared folder, as Windows writes it', () => {
    for (const written of ['D:\\照片\\x.jpg', 'd:/照片/x.jpg', 'C:/Users/办公室/照片.jpg', '\\\\server\\照片\\x.jpg', '\\照片\\x.jpg']) {
      expect(pictureElsewhere(written), written).toBe('computer');
    }
  });

  it('names a web address and a data: address', () => {
    expect(pictureElsewhere('https://mp.weixin.qq.com/x.jpg')).toBe('web');
    expect(pictureElsewhere('HTTP://example.com/x.jpg')).toBe('web');
    expect(pictureElsewhere('file:///D:/x.jpg')).toBe('web');
    expect(pictureElsewhere('data:image/jpeg;base64,/9j/4AAQ')).toBe('data');
    expect(pictureElsewhere('DATA:image/png;base64,iVBOR')).toBe('data');
  });

  it('names an absolute path and one that climbs out of the entry’s folder', () => {
    expect(pictureElsewhere('/etc/passwd')).toBe('absolute');
    expect(pictureElsewhere('//evil.example/a.jpg')).toBe('absolute');
    expect(pictureElsewhere('../units/brigade.png')).toBe('outside');
    expect(pictureElsewhere('./sub/../../b.jpg')).toBe('outside');
    expect(pictureElsewhere('..\\..\\photos\\p.png')).toBe('outside');
  });
});
