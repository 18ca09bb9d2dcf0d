/**
 * robots.txt. Crawlers read it only at the root of a domain (https://example.gov.cn/robots.txt):
 * a site deployed under a sub-path (`base: /rongyu/`) writes its own at /rongyu/robots.txt, where
 * nobody looks, so the build says what the domain's file must hold for the site's sitemap to be
 * found. The file and the advice are the same text.
 */
import type { Audience } from './publishing';
import { withBase } from './urls';

export interface RobotsSite {
  /** site.config.yaml's `url`. */
  url: string;
  /** site.config.yaml's `base`, normalised: `/` or `/rongyu/`. */
  base: string;
}

/** The absolute address of the site's sitemap index. */
export function sitemapUrl({ url, base }: RobotsSite): string {
  return new URL(withBase('/sitemap-index.xml', base), url).href;
}

/** The lines of the site's robots.txt: the public site may be read and has a sitemap; the intranet edition asks every crawler to stay out. */
export function robotsTxtLines(site: RobotsSite, audience: Audience): string[] {
  return audience === 'internal' ? ['User-agent: *', 'Disallow: /'] : ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl(site)}`];
}

/**
 * What to do at the domain's root when the public site is under a sub-path, in Chinese: nothing
 * (an empty list) for a site at the root, and for the intranet edition, which no crawler reaches.
 */
export function robotsAdvice(site: RobotsSite, audience: Audience): string[] {
  if (site.base === '/' || audience === 'internal') return [];
  const rootFile = new URL('/robots.txt', site.url).href;
  return [
    `网站放在子路径 ${site.base} 下，而搜索引擎只读取域名根目录的 ${rootFile}，不会读取网站自己的 ${site.base}robots.txt。`,
    `请管理这个域名的技术人员在 ${rootFile} 中写上网站地图的地址：`,
    `  已有这个文件：在文件末尾加上一行`,
    `    Sitemap: ${sitemapUrl(site)}`,
    `  还没有这个文件：新建它，内容如下（与网站文件夹中的 robots.txt 相同）：`,
    ...robotsTxtLines(site, audience).map((line) => (line ? `    ${line}` : '')),
  ];
}
