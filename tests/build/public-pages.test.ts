/**
 * The public pages of a small fixture site: trends drawn as build-time SVG with a data table,
 * static filter pages with counts, the activity record by month.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, listOutput, readPage, type BuildResult } from './harness';

let build: BuildResult;
beforeAll(async () => {
  build = await buildFixture('minimal');
});

describe('the statistics page', () => {
  it('draws a metric reported in two periods as an inline SVG chart with its data table', () => {
    expect(build.status, build.output).toBe(0);
    const page = readPage(build.outDir, 'stats');
    const charts = page.querySelectorAll('figure.chart');
    // people-checked and incidents are in both periods; retired-metric only in 2019.
    expect(charts.map((c) => c.querySelector('h3')?.text)).toEqual(['核查群众（人次）', '处置警情（起）']);
    const people = charts[0]!;
    const svg = people.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(people.querySelectorAll('rect.bar')).toHaveLength(2);
    // Oldest period first; approximations as the source states them.
    expect(people.querySelectorAll('tbody tr').map((tr) => tr.querySelector('td')?.text)).toEqual(['12万人次', '9.5万余人次']);
    expect(svg?.querySelector('desc')?.text).toContain('9.5万余人次');
  });

  it('ships no script for the charts: only the two small inline scripts of the mode switch', () => {
    const scripts = readPage(build.outDir, 'stats').querySelectorAll('script');
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual([undefined, undefined]);
    expect(scripts.every((s) => s.text.includes('honor-roll:mode'))).toBe(true);
  });
});

describe('static filter pages', () => {
  it('has a page per honour year, level and scope, each counted on the list', () => {
    const files = listOutput(build.outDir);
    for (const page of ['honors/years/2020', 'honors/years/undated', 'honors/scopes/individual', 'honors/scopes/collective', 'honors/levels/unspecified']) {
      expect(files).toContain(`${page}/index.html`);
    }
    const filters = readPage(build.outDir, 'honors').querySelector('nav.filters');
    expect(filters?.text).toContain('2020年（1）');
    expect(filters?.text).toContain('日期未注明（1）');
    expect(filters?.text).toContain('集体荣誉（1）');
  });

  it('shows only the filtered entries on a facet page and marks the current filter', () => {
    const page = readPage(build.outDir, 'honors/scopes/collective');
    expect(page.querySelector('h1')?.text).toBe('荣誉：集体荣誉');
    expect(page.querySelectorAll('.timeline a').map((a) => a.getAttribute('href'))).toEqual(['/honors/test-collective/']);
    expect(page.querySelector('nav.filters a[aria-current="page"]')?.text.trim()).toBe('集体荣誉（1）');
  });

  it('filters letters by kind and officers by unit', () => {
    const banners = readPage(build.outDir, 'letters/kinds/banner');
    expect(banners.querySelectorAll('.letter-card h2 a').map((a) => a.getAttribute('href'))).toEqual(['/letters/test-letter/']);
    expect(banners.querySelector('.inscription')?.text).toBe('测试锦旗题字');
    const station = readPage(build.outDir, 'officers/units/test-station');
    expect(station.querySelectorAll('.officer-card h2 a').map((a) => a.text)).toEqual(['测试民警']);
  });
});

describe('the activity record', () => {
  it('groups activities by month with place and host linked', () => {
    const page = readPage(build.outDir, 'activities');
    expect(page.querySelectorAll('h2.year-heading').map((h) => h.text)).toEqual(['2020年6月']);
    const links = page.querySelectorAll('.timeline a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/activities/test-activity/', '/units/test-station/', '/officers/test-officer/']);
  });
});
