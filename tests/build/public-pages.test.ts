/**
 * The public pages of a small fixture site: trends drawn as build-time SVG with a data table,
 * static filter pages with counts, the activity record by month; unit kinds, figures and the
 * profile poster's deed. The site is deployed under /rongyu/ (shared-builds.ts buildMinimalSite).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement as Parsed } from 'node-html-parser';
import { listOutput, readPage, type BuildResult } from './harness';
import { buildMinimalSite } from './shared-builds';

let build: BuildResult;
beforeAll(async () => {
  build = await buildMinimalSite();
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
    expect(page.querySelectorAll('.timeline a').map((a) => a.getAttribute('href'))).toEqual(['/rongyu/honors/test-collective/']);
    expect(page.querySelector('nav.filters a[aria-current="page"]')?.text.trim()).toBe('集体荣誉（1）');
  });

  it('filters letters by kind and officers by unit', () => {
    const banners = readPage(build.outDir, 'letters/kinds/banner');
    expect(banners.querySelectorAll('.letter-card h2 a').map((a) => a.getAttribute('href'))).toEqual(['/rongyu/letters/test-letter/']);
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
    expect(links).toEqual(['/rongyu/activities/test-activity/', '/rongyu/units/test-station/', '/rongyu/officers/test-officer/']);
  });
});

describe('unit kinds', () => {
  it('shows a unit of kind police-station as 派出所: on its page, in the list of units and among its parent’s units', () => {
    expect(build.status, build.output).toBe(0);
    expect(readPage(build.outDir, 'units/chengdong-paichusuo').querySelector('article .badge')?.text).toBe('派出所');
    const list = readPage(build.outDir, 'units');
    const badgeOf = (href: string) => list.querySelectorAll('.card').find((card) => card.querySelector(`h2 a[href="${href}"]`))?.querySelector('.badge')?.text;
    expect(badgeOf('/rongyu/units/chengdong-paichusuo/')).toBe('派出所');
    expect(badgeOf('/rongyu/units/root-unit/')).toBe('大队');
    expect(readPage(build.outDir, 'units/root-unit').querySelector('#children')?.text).toContain('城东派出所（派出所）');
  });

  it('shows a unit’s own word for its kind (kindLabel) instead of 其他, without the full-width and zero-width spaces pasted around it', () => {
    const page = readPage(build.outDir, 'units/shequ-jingwudui');
    expect(page.querySelector('article .badge')?.text).toBe('社区警务队');
    const list = readPage(build.outDir, 'units');
    const card = list.querySelectorAll('.card').find((c) => c.querySelector('h2 a[href="/rongyu/units/shequ-jingwudui/"]'));
    expect(card?.querySelector('.badge')?.text).toBe('社区警务队');
    expect(readPage(build.outDir, 'units/chengdong-paichusuo').querySelector('#children li')?.text.trim()).toBe('城东派出所社区警务队（社区警务队）');
    for (const html of [page, list]) expect(html.querySelector('main')?.text).not.toContain('其他');
  });
});

describe('figures', () => {
  it('shows 12345 as written and 万 only where one decimal says the value exactly, never 1.2345万', () => {
    const figures = readPage(build.outDir, 'stats/chengdong-2020')
      .querySelectorAll('table tbody tr')
      .map((tr) => `${tr.querySelector('th')?.text}：${tr.querySelector('td')?.text}`);
    expect(figures).toEqual(['受理警情：12345起', '走访群众：1.2万余人次', '止付涉诈资金：34500万元']);
    expect(readPage(build.outDir, 'units/chengdong-paichusuo').querySelector('.figures')?.text).toContain('12345起');
    expect(readPage(build.outDir, 'stats').text).not.toMatch(/\d\.\d{2,}万/);
  });
});

describe('the poster of a profile', () => {
  const deedOf = (id: string) => readPage(build.outDir, `officers/${id}/poster`).querySelector('.poster-deed');

  it('prints the deed from the body, not the one-line summary, cut at the end of a sentence', () => {
    const deed = deedOf('poster-officer');
    expect(deed?.getAttribute('data-deed-from')).toBe('body');
    const paragraphs = deed!.querySelectorAll('p').map((p) => p.text);
    expect(paragraphs[0]).toBe('海报民警扎根社区十二年，走遍辖区每一条小巷，记下了三千多户居民的情况。群众都叫他“活地图”。');
    // The body's heading (事迹) and its Markdown are not printed.
    expect(deed!.text).not.toContain('事迹');
    expect(deed!.text).not.toContain('**');
    // Too long for one sheet: cut after a sentence, with ……, and nothing of the last paragraph.
    expect(paragraphs.at(-1)).toMatch(/。……$/);
    expect(deed!.text).not.toContain('第五段');
    expect(readPage(build.outDir, 'officers/poster-officer/poster').text).not.toContain('一句话简介');
  });

  it('prints the summary of a profile that has no body yet', () => {
    const deed = deedOf('summary-officer');
    expect(deed?.getAttribute('data-deed-from')).toBe('summary');
    expect(deed?.text.trim()).toBe('没有正文的人物，海报上显示这一句简介。');
  });

  it('prints a short deed whole, next to the unit and post', () => {
    const poster = readPage(build.outDir, 'officers/test-officer/poster');
    expect(poster.querySelector('.poster-deed')?.text.trim()).toBe('测试人物的事迹。');
    expect(poster.querySelector('.poster-role')?.text).toBe('测试站');
  });
});

describe('portraits and honour marks', () => {
  it('crops a portrait around the part its entry names (photoFocus), and from the middle when it names none', () => {
    const cards = readPage(build.outDir, 'officers').querySelectorAll('.officer-card');
    const imageOf = (name: string) => cards.find((card) => card.querySelector('h2, h3')?.text.trim() === name)?.querySelector('img');
    expect(imageOf('海报民警')?.classList.value).toContain('focus-top');
    expect(imageOf('测试民警')?.classList.value).toContain('focus-center');
  });

  it('marks an individual honour with a medal and a collective one with a pennant, each carrying its level, hidden from screen readers beside the words', () => {
    const items = readPage(build.outDir, 'honors').querySelectorAll('.timeline > li');
    const markOf = (title: string) => items.find((li) => li.querySelector('h3 a')?.text === title)?.querySelector('svg.honor-mark');
    const collective = markOf('测试集体荣誉');
    expect(collective?.getAttribute('aria-hidden')).toBe('true');
    expect(collective?.querySelector('circle')).toBeNull();
    expect(collective?.querySelector('text')?.text).toBe('省');
    const individual = items.map((li) => li.querySelector('svg.honor-mark')).find((svg) => svg?.querySelector('circle'));
    expect(individual?.querySelector('text')?.text).toBe('荣');
  });
});

describe('the home page leads with the unit', () => {
  const home = () => readPage(build.outDir, '');

  it('opens with the unit’s name and its motto, phrase by phrase, read from what an IME typed (full-width spaces, 、, a zero-width space)', () => {
    const main = home().querySelector('main')!;
    const hero = main.childNodes.find((n) => n.nodeType === 1) as Parsed;
    expect(hero.classList.contains('home-hero')).toBe(true);
    expect(hero.querySelector('h1')?.text).toBe('测试大队');
    const motto = hero.querySelector('.motto')!;
    expect(motto.querySelectorAll('span:not(.visually-hidden)').map((s) => s.text)).toEqual(['对党忠诚', '服务人民', '执法公正', '纪律严明']);
    // A screen reader hears the phrases apart: a comma between them, hidden from sight.
    expect(motto.text.replace(/\s+/g, '')).toBe('对党忠诚，服务人民，执法公正，纪律严明');
    expect(hero.querySelector('.lead')?.text).toBe('用于测试的本站单位。');
  });

  it('follows with the figures, the role models, then the latest honours beside the letters and activities', () => {
    const main = home().querySelector('main')!;
    const order = main.querySelectorAll('section[id]').map((s) => s.id);
    expect(order.slice(0, 6)).toEqual(['figures', 'officers', 'honors', 'letters', 'activities', 'units']);
    expect(main.querySelector('#figures')?.classList.contains('figures-band')).toBe(true);
    // Honours and the column of letters and activities are the two cells of one grid.
    const columns = main.querySelector('#honors')!.parentNode!;
    expect(columns.classList.contains('home-columns')).toBe(true);
    expect(columns.childNodes.filter((n) => n.nodeType === 1)).toHaveLength(2);
    expect(main.querySelector('#letters')?.parentNode?.parentNode).toBe(columns);
  });

  it('shows each latest honour with its mark, level and scope', () => {
    const items = home().querySelectorAll('#honors .honor-item');
    expect(items.map((li) => li.querySelector('h3 a')?.text)).toEqual(['测试荣誉', '测试集体荣誉']);
    for (const li of items) expect(li.querySelector('svg.honor-mark[aria-hidden="true"]'), li.text).not.toBeNull();
    expect(items[1]!.querySelector('.badge.collective')?.text).toBe('集体');
  });

  it('shows the role models with their portraits, cropped at their focus; one without a photo gets the first character of the name', () => {
    const people = home().querySelector('#officers ul.people')!;
    expect(people.getAttribute('data-count')).toBe('3');
    const card = (name: string) => people.querySelectorAll('.officer-card').find((c) => c.querySelector('h3 a')?.text === name)!;
    expect(card('海报民警').querySelector('img')?.classList.contains('focus-top')).toBe(true);
    expect(card('简介民警').querySelector('img')).toBeNull();
    const blank = card('简介民警').querySelector('.portrait-blank');
    expect(blank?.text.trim()).toBe('简');
    expect(blank?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('a profile leads with the person', () => {
  it('puts the portrait (at its focus), the name, the post and unit, and the deed first, then the honours with their marks, then the story', () => {
    const article = readPage(build.outDir, 'officers/poster-officer').querySelector('main article.profile')!;
    const head = article.querySelector('header.profile-head.has-portrait')!;
    expect(article.childNodes.find((n) => n.nodeType === 1)).toBe(head);
    const img = head.querySelector('img.portrait')!;
    expect(img.classList.contains('focus-top')).toBe(true);
    expect(img.getAttribute('loading')).toBe('eager');
    expect(head.querySelector('.profile-id h1')?.text).toBe('海报民警');
    expect(head.querySelector('.profile-post')?.text.replace(/\s+/g, ' ').trim()).toBe('城东派出所 社区民警 · 民警');
    expect(head.querySelector('.profile-deed')?.text).toBe('一句话简介：海报上不应出现这一句。');
    // The portrait comes before the words in the source, so a phone shows it beside the name.
    expect(head.innerHTML.indexOf('<img')).toBeLessThan(head.innerHTML.indexOf('<h1'));
  });

  it('lists the honours before the story, each with its mark', () => {
    const article = readPage(build.outDir, 'officers/test-officer').querySelector('article.profile')!;
    const sections = (article.childNodes.filter((n) => n.nodeType === 1) as Parsed[]).map((s) => s.id).filter(Boolean);
    expect(sections.indexOf('honors')).toBeLessThan(sections.indexOf('story'));
    expect(article.querySelector('#honors .honor-item svg.honor-mark')).not.toBeNull();
    expect(article.querySelector('#honors .honor-item h3 a')?.getAttribute('href')).toBe('/rongyu/honors/test-honor/');
  });

  it('reads without a portrait: no image, the name and deed in a marked head, and no empty 事迹 heading when there is no story', () => {
    const article = readPage(build.outDir, 'officers/summary-officer').querySelector('article.profile')!;
    const head = article.querySelector('header.profile-head')!;
    expect(head.classList.contains('has-portrait')).toBe(false);
    expect(article.querySelector('img')).toBeNull();
    expect(head.querySelector('h1')?.text).toBe('简介民警');
    expect(head.querySelector('.profile-deed')?.text).toBe('没有正文的人物，海报上显示这一句简介。');
    expect(article.querySelector('#story')).toBeNull();
  });
});

describe('the order of lists', () => {
  it('lists units as a tree, sibling units by id, whatever order Astro loaded their files in', () => {
    // Astro's store keeps the order files finished loading in; two builds of the same content
    // listed 城东派出所 and 测试警务站 (siblings under the root unit) either way round.
    const units = readPage(build.outDir, '').querySelectorAll('#units-heading ~ ul a').map((a) => a.text.trim());
    expect(units).toEqual(['测试大队', '城东派出所', '城东派出所社区警务队', '测试警务站']);
  });
});
