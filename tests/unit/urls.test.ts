import { describe, expect, it } from 'vitest';
import { collectionPath, entryPath, withBase } from '../../src/lib/urls';
import { COLLECTION_NAMES } from '../../src/schemas/context';

describe('collectionPath and entryPath', () => {
  it.each(COLLECTION_NAMES)('names the route of %s like the collection', (collection) => {
    expect(collectionPath(collection)).toBe(`/${collection}/`);
    expect(entryPath(collection, 'some-id')).toBe(`/${collection}/some-id/`);
  });

  it('gives an officer page the short URL /officers/<id>/', () => {
    expect(entryPath('officers', 'wang-xiang')).toBe('/officers/wang-xiang/');
  });
});

describe.each([
  { base: '/', home: '/', officers: '/officers/', page: '/officers/wang-xiang/' },
  { base: '/rongyu/', home: '/rongyu/', officers: '/rongyu/officers/', page: '/rongyu/officers/wang-xiang/' },
  { base: '/rongyu', home: '/rongyu/', officers: '/rongyu/officers/', page: '/rongyu/officers/wang-xiang/' },
])('withBase under the base $base', ({ base, home, officers, page }) => {
  it('prefixes site paths exactly once', () => {
    expect(withBase('/', base)).toBe(home);
    expect(withBase('/officers/', base)).toBe(officers);
    expect(withBase('/officers/wang-xiang/', base)).toBe(page);
  });

  it('treats a path without a leading slash as a site path', () => {
    expect(withBase('officers/', base)).toBe(officers);
  });

  it.each(['#main', 'mailto:office@example.com', 'tel:110', '//cdn.example.com/x'])('leaves the non-site link %s unchanged', (url) => {
    expect(withBase(url, base)).toBe(url);
  });

  it.each(['https://www.gov.cn/', 'http://example.com/a?b=c', 'HTTPS://EXAMPLE.COM'])('leaves the full URL %s unchanged', (url) => {
    expect(withBase(url, base)).toBe(url);
  });
});
