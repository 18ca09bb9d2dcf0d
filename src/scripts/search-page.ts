/**
 * The search page in the browser: reads the search from the address, asks Pagefind, shows the
 * results ten at a time, and keeps the address in step so a search can be shared. Pagefind and the
 * index are loaded only here, on the first search.
 */
import { hasCriteria, pagefindOptions, parseSearchState, serializeSearchState, FILTER_KEYS, type SearchState } from '../lib/search-state';

/** The part of Pagefind's browser API used here. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options: ReturnType<typeof pagefindOptions>): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  id: string;
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: { title?: string; type?: string; date?: string; image?: string };
  }>;
}

const PAGE_SIZE = 10;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from the search page`);
  return found as T;
}

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('.search-page');
  if (!root) return;
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('search-query');
  const sort = element<HTMLSelectElement>('search-sort');
  const status = element<HTMLElement>('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  element<HTMLElement>('search-without-js').hidden = true;
  const indexUrl = root.dataset.index ?? '/pagefind/';
  const baseUrl = root.dataset.base ?? '/';

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () => {
    pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${indexUrl}pagefind.js`)) as Pagefind;
      await module.options({ baseUrl, excerptLength: 40 });
      await module.init();
      return module;
    })();
    return pagefind;
  };

  /** Sets the form controls from a state (on load, and on back/forward). */
  const showState = (state: SearchState) => {
    input.value = state.query;
    sort.value = state.sort;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      const key = box.name as (typeof FILTER_KEYS)[number];
      box.checked = state.filters[key]?.includes(box.value) ?? false;
    }
    if (Object.keys(state.filters).length > 0 || state.sort !== 'relevance') {
      form.querySelector('details')?.setAttribute('open', '');
    }
  };

  /** Reads a state from the form controls. */
  const readState = (): SearchState => {
    const data = new FormData(form);
    return parseSearchState(`?${new URLSearchParams(data as unknown as Record<string, string>).toString()}`);
  };

  let pending: PagefindResult[] = [];
  let generation = 0;

  const renderMore = async (current: number) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    for (const item of items) list.append(resultItem(item));
    more.hidden = pending.length === 0;
  };

  const run = async (state: SearchState) => {
    const current = ++generation;
    list.replaceChildren();
    more.hidden = true;
    if (!hasCriteria(state)) {
      status.textContent = '请输入要找的人名、事迹或荣誉名称。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const engine = await loadPagefind();
      const response = await engine.search(state.query || null, pagefindOptions(state));
      if (current !== generation || !response) return;
      pending = response.results;
      const count = response.results.length;
      status.textContent =
        count === 0
          ? `没有找到与“${state.query || '所选条件'}”相关的内容。请换个词试试，或减少筛选条件。`
          : `找到 ${count} 条结果${state.query ? `：“${state.query}”` : ''}。`;
      await renderMore(current);
    } catch {
      if (current === generation) status.textContent = '搜索暂时无法使用，请稍后再试，或从上方菜单按类别浏览。';
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = readState();
      history.replaceState(null, '', `${location.pathname}${serializeSearchState(state)}`);
      void run(state);
    }, delay);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(0);
  });
  input.addEventListener('input', () => update(300));
  form.addEventListener('change', (event) => {
    if (event.target !== input) update(0);
  });
  more.addEventListener('click', () => void renderMore(generation));
  window.addEventListener('popstate', () => {
    const state = parseSearchState(location.search);
    showState(state);
    void run(state);
  });

  const initial = parseSearchState(location.search);
  showState(initial);
  void run(initial);
}

/** One result: type and date, title, the excerpt with the matched words marked, a thumbnail. */
function resultItem(item: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  if (item.meta.image) {
    const img = document.createElement('img');
    img.src = item.meta.image;
    img.alt = '';
    img.width = 64;
    img.height = 80;
    img.loading = 'lazy';
    li.append(img);
  }
  const body = document.createElement('div');
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (item.meta.type) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = item.meta.type;
    meta.append(badge, ' ');
  }
  if (item.meta.date) meta.append(item.meta.date);
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is text from our own pages, escaped, with <mark> around the matches.
  excerpt.innerHTML = item.excerpt;
  body.append(meta, heading, excerpt);
  li.append(body);
  return li;
}
