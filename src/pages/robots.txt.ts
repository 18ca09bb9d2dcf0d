/** robots.txt: everything may be read; the sitemap lists the pages worth reading. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../data/share';

export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl('/sitemap-index.xml')}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
