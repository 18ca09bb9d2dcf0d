/** robots.txt: the public site may be read and has a sitemap (src/lib/robots.ts says what, and what a sub-path needs). */
import type { APIRoute } from 'astro';
import { audience, siteConfig } from 'virtual:honor-roll/context';
import { robotsTxtLines } from '../lib/robots';

export const GET: APIRoute = () =>
  new Response(`${robotsTxtLines(siteConfig, audience).join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
