/** robots.txt: everything may be read; the sitemap lists the pages worth reading. */
import type { APIRoute } from 'astro';
import { audience } from 'virtual:honor-roll/context';
import { absoluteUrl } from '../data/share';

const PUBLIC = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl('/sitemap-index.xml')}`, ''];
// The intranet edition asks every crawler to stay out, should it ever be reachable.
const INTERNAL = ['User-agent: *', 'Disallow: /', ''];

export const GET: APIRoute = () =>
  new Response((audience === 'internal' ? INTERNAL : PUBLIC).join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
