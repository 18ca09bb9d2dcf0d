/**
 * Excluded entries leave no trace in the public build: drafts, embargoed and internal entries,
 * officers without consent, and everything that cannot stand without them. Each canary entry
 * carries a unique marker (CANARY…) in its text; none may appear in any output file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, everyOutputFile, listOutput, readPage, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

const CANARIES = [
  'CANARYDRAFT',
  'CANARYNOCONSENT',
  'CANARYCASCADE',
  'CANARYINTERNALUNIT',
  'CANARYCHILD',
  'CANARYEMBARGO',
  'CANARYHONORCASCADE',
  'CANARYINTERNALLETTER',
  'CANARYLETTERCASCADE',
  'CANARYSTATS',
];

const EXCLUDED_PAGES = [
  'officers/canary-draft',
  'officers/canary-no-consent',
  'officers/canary-internal-unit-member',
  'units/canary-internal-unit',
  'units/canary-child-of-internal',
  'honors/canary-embargoed',
  'honors/canary-only-no-consent',
  'letters/canary-internal-letter',
  'letters/canary-letter-cascade',
  'stats/canary-internal-unit-stats',
];

describe('the public build of a site with excluded entries', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture('publishing');
  });

  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it.each(EXCLUDED_PAGES)('has no page for %s', (page) => {
    expect(listOutput(build.outDir)).not.toContain(`${page}/index.html`);
  });

  it('contains no canary text, id or image of an excluded entry in any file, search index included', () => {
    const files = everyOutputFile(build.outDir);
    expect(files.length).toBeGreaterThan(10);
    // The index is read: a public entry's words are in it.
    expect(files.filter((f) => f.file.startsWith('pagefind/fragment/')).some((f) => f.text.includes('测试民警'))).toBe(true);
    for (const { file, text } of files) {
      for (const canary of CANARIES) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
      for (const page of EXCLUDED_PAGES) {
        const id = page.split('/')[1]!;
        expect(text.includes(id), `${id} in ${file}`).toBe(false);
      }
    }
    // The excluded officer's portrait is a red square; no image derived from it is emitted.
    expect(listOutput(build.outDir).filter((f) => f.includes('canary'))).toEqual([]);
  });

  it('keeps a shared honour but lists only the consenting recipient', () => {
    const page = readPage(build.outDir, 'honors/shared-honor');
    const officerLinks = page.querySelectorAll('article a').filter((a) => a.getAttribute('href')?.startsWith('/officers/'));
    expect(officerLinks.map((a) => a.getAttribute('href'))).toEqual(['/officers/test-officer/']);
  });

  it('keeps an activity whose host did not consent, without naming the host', () => {
    const page = readPage(build.outDir, 'activities/hosted-by-no-consent');
    const terms = page.querySelectorAll('dt').map((dt) => dt.text);
    expect(terms).toContain('地点');
    expect(terms).not.toContain('主持');
  });

  it('counts only published entries', () => {
    expect(readPage(build.outDir, 'officers').text).toContain('共 1 人');
    // test-honor, test-collective, shared-honor
    expect(readPage(build.outDir, 'honors').text).toContain('共 3 项');
    expect(readPage(build.outDir, 'letters').text).toContain('共 1 件');
  });

  // An excluded entry must not leave a link to its missing page behind.
  it('every internal link, image and fragment resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/' })).toEqual([]);
  });

  it('has no html-validate errors on any page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it('does not list an excluded unit among the children of its parent', () => {
    const root = readPage(build.outDir, 'units/root-unit');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain('/units/canary-internal-unit/');
  });

  it('shows no internal banner and no noindex on the public edition', () => {
    const home = readPage(build.outDir, '');
    expect(home.querySelector('.internal-banner')).toBeNull();
    expect(home.querySelector('meta[name="robots"]')).toBeNull();
  });
});

describe('the publishing rules follow the build time and the audience', () => {
  it('publishes an embargoed honour once its publishDate has passed', async () => {
    const build = await buildFixture('publishing', { env: { HONOR_ROLL_NOW: '2026-07-01T00:00:00+08:00' } });
    expect(build.status, build.output).toBe(0);
    expect(listOutput(build.outDir)).toContain('honors/canary-embargoed/index.html');
  });

  it('keeps the embargo until 00:00 Beijing time on the publishDate', async () => {
    const build = await buildFixture('publishing', { env: { HONOR_ROLL_NOW: '2026-06-30T23:59:00+08:00' } });
    expect(build.status, build.output).toBe(0);
    expect(listOutput(build.outDir)).not.toContain('honors/canary-embargoed/index.html');
  });

  it('includes internal entries, but never drafts or embargoed ones, in the internal edition', async () => {
    const build = await buildFixture('publishing', { env: { HONOR_ROLL_AUDIENCE: 'internal' } });
    expect(build.status, build.output).toBe(0);
    const files = listOutput(build.outDir);
    expect(files).toContain('letters/canary-internal-letter/index.html');
    expect(files).toContain('units/canary-internal-unit/index.html');
    expect(files).not.toContain('officers/canary-draft/index.html');
    expect(files).not.toContain('honors/canary-embargoed/index.html');
  });

  it('marks every page of the internal edition (npm run build -- --audience internal) 内部 and noindex', async () => {
    const build = await buildFixture('publishing', { args: ['--audience', 'internal'] });
    expect(build.status, build.output).toBe(0);
    const files = listOutput(build.outDir);
    expect(files).toContain('letters/canary-internal-letter/index.html');
    const pages = files.filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = readPage(build.outDir, page);
      expect(html.querySelector('meta[name="robots"]')?.getAttribute('content'), page).toContain('noindex');
      if (!page.endsWith('poster/index.html')) expect(html.querySelector('.internal-banner')?.text, page).toContain('内部版本');
    }
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain('Disallow: /');
    expect(files.some((f) => f.startsWith('sitemap'))).toBe(false);
  });
});
