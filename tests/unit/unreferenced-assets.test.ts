import { describe, expect, it } from 'vitest';
import { unreferencedAssets } from '../../src/lib/unreferenced-assets';

const assets = ['wang-xiang.CL1j4t8K.jpg', 'wang-xiang.CL1j4t8K_Z1uXLCB.webp', 'site.D-x_9.css', 'noto.Ab12.woff2', 'li-si.Zz9_.jpg'];

describe('unreferencedAssets', () => {
  it('keeps every asset a page, srcset, stylesheet, script or JSON names, and lists the rest', () => {
    const texts = [
      '<img src="/rongyu/_astro/wang-xiang.CL1j4t8K_Z1uXLCB.webp" srcset="/_astro/wang-xiang.CL1j4t8K_Z1uXLCB.webp 256w, /_astro/x.webp 512w">',
      '<link rel="stylesheet" href="/_astro/site.D-x_9.css">',
      '@font-face{src:url(./noto.Ab12.woff2?v=1) format("woff2")}',
    ];
    expect(unreferencedAssets(assets, texts)).toEqual(['li-si.Zz9_.jpg', 'wang-xiang.CL1j4t8K.jpg']);
  });

  it('finds names in escaped JSON and in query strings', () => {
    expect(unreferencedAssets(['a.B1.jpg', 'b.C2.png'], ['{"src":"\\/_astro\\/a.B1.jpg"}', "fetch('/_astro/b.C2.png#x')"])).toEqual([]);
  });

  it('does not count a name that is only part of a longer one', () => {
    // The original `wang-xiang.CL1j4t8K.jpg` is not referenced by its resized `…_Z1uXLCB.webp`.
    expect(unreferencedAssets(['a.B1.jpg'], ['/_astro/xa.B1.jpg /_astro/a.B1.jpg.gz'])).toEqual(['a.B1.jpg']);
  });

  it('still finds a name with an unusual character in it as a substring', () => {
    expect(unreferencedAssets(['照片 1.X.jpg', 'b.Y.jpg'], ['<img src="/_astro/照片 1.X.jpg">'])).toEqual(['b.Y.jpg']);
  });

  it('matches a name whole even when its ending begins another (.jp inside .jpg), at the start and end of a text', () => {
    expect(unreferencedAssets(['a.B1.jp', 'c.D3.jpg', 'e.F5.png'], ['a.B1.jpg', 'e.F5.png'])).toEqual(['a.B1.jp', 'c.D3.jpg']);
  });

  it('matches a name without an extension whole too', () => {
    expect(unreferencedAssets(['LICENSE', 'README', 'NOTE'], ['see /_astro/LICENSE here, and NOTES'])).toEqual(['NOTE', 'README']);
  });
});
