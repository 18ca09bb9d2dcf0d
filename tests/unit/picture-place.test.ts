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

  it('judges what an IME, Word or WeChat made of it as what was meant', () => {
    expect(pictureElsewhere('Ｄ：\\照片\\x.jpg')).toBe('computer');
    expect(pictureElsewhere('ｈｔｔｐｓ：／／example.com/x.jpg')).toBe('web');
    expect(pictureElsewhere('／照片/x.jpg')).toBe('absolute');
    expect(pictureElsewhere('．．/x.jpg')).toBe('outside');
    expect(pictureElsewhere('%2e%2e/x.jpg')).toBe('outside');
    expect(pictureElsewhere('\u200b../x.jpg')).toBe('outside');
    expect(pictureElsewhere('照片/\u3000../../x.jpg')).toBe('outside');
    expect(pictureElsewhere('\u00a0D:\\照片\\x.jpg')).toBe('computer');
    // Full-width names of files next to the entry stay next to it.
    expect(pictureElsewhere('照片（１）/现场　1.jpg')).toBeNull();
  });
});
