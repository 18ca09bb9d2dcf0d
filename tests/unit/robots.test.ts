import { describe, expect, it } from 'vitest';
import { robotsAdvice, robotsTxtLines, sitemapUrl } from '../../src/lib/robots';

const AT_ROOT = { url: 'https://www.example.gov.cn', base: '/' };
const UNDER = { url: 'https://www.example.gov.cn', base: '/rongyu/' };

describe('robots.txt', () => {
  it('lets the public site be read and names its sitemap, under the sub-path', () => {
    expect(robotsTxtLines(AT_ROOT, 'public')).toEqual(['User-agent: *', 'Allow: /', '', 'Sitemap: https://www.example.gov.cn/sitemap-index.xml']);
    expect(sitemapUrl(UNDER)).toBe('https://www.example.gov.cn/rongyu/sitemap-index.xml');
  });

  it('keeps every crawler out of the intranet edition, with no sitemap', () => {
    expect(robotsTxtLines(UNDER, 'internal')).toEqual(['User-agent: *', 'Disallow: /']);
  });

  it('says nothing for a site at the root of its domain, nor for the intranet edition', () => {
    expect(robotsAdvice(AT_ROOT, 'public')).toEqual([]);
    expect(robotsAdvice(UNDER, 'internal')).toEqual([]);
  });

  it('gives a sub-path site the line to add to the domain’s robots.txt, and the whole file when there is none', () => {
    expect(robotsAdvice(UNDER, 'public')).toEqual([
      '网站放在子路径 /rongyu/ 下，而搜索引擎只读取域名根目录的 https://www.example.gov.cn/robots.txt，不会读取网站自己的 /rongyu/robots.txt。',
      '请管理这个域名的技术人员在 https://www.example.gov.cn/robots.txt 中写上网站地图的地址：',
      '  已有这个文件：在文件末尾加上一行',
      '    Sitemap: https://www.example.gov.cn/rongyu/sitemap-index.xml',
      '  还没有这个文件：新建它，内容如下（与网站文件夹中的 robots.txt 相同）：',
      '    User-agent: *',
      '    Allow: /',
      '',
      '    Sitemap: https://www.example.gov.cn/rongyu/sitemap-index.xml',
    ]);
  });

  it('finds the domain root even when the configured url has a path of its own', () => {
    expect(robotsAdvice({ url: 'http://10.1.2.3:8080/portal', base: '/rongyu/' }, 'public').slice(0, 2).join('\n')).toContain('http://10.1.2.3:8080/robots.txt');
  });
});
