/**
 * The editor's list page: collection tabs, a search box (王祥, wangxiang, wx), filter buttons and
 * the entries with their states, each opening its form, and a 新建 link for the collection shown.
 * The view is kept in the address (`?collection=…&q=…&filter=…`), so a reload or a bookmark shows
 * the same list. Keyboard: the tabs follow the tab pattern (arrow keys, Home, End); everything
 * else is a native control.
 */
import { ApiError, fetchEntries, type ListState } from './api';
import { element } from './dom';
import { renderRows, setCount, summary } from './render';
import { takeNotice, viewUrl } from './urls';

/** Starts the list in the page the server wrote (the tabs, the search box, the filters). */
export function startList(): void {
  const page = {
    tabs: [...document.querySelectorAll<HTMLButtonElement>('[role="tab"][data-collection]')],
    filters: [...document.querySelectorAll<HTMLButtonElement>('button[data-filter]')],
    panel: document.querySelector<HTMLElement>('#panel')!,
    search: document.querySelector<HTMLInputElement>('#q')!,
    status: document.querySelector<HTMLElement>('#status')!,
    notice: document.querySelector<HTMLElement>('#notice')!,
    list: document.querySelector<HTMLElement>('#entries')!,
    create: element('a', 'button-primary create'),
    done: element('p', 'done'),
  };
  // 新建 for the collection shown, above its search box; a message left by the form (撤销) under it.
  const actions = element('div', 'list-actions');
  actions.append(page.create);
  page.panel.prepend(actions, page.done);
  page.done.setAttribute('role', 'status');
  page.done.textContent = takeNotice() ?? '';

  const collectionOf = (tab: HTMLElement) => tab.dataset.collection ?? '';
  const filterOf = (button: HTMLElement) => button.dataset.filter ?? '';
  /** A filter's label without its count. */
  const filterLabel = (name: string) => page.filters.find((b) => filterOf(b) === name)?.firstChild?.textContent ?? undefined;

  /** The view named in the address, with unknown values replaced by the defaults. */
  function readState(search: string): ListState {
    const params = new URLSearchParams(search);
    const collection = params.get('collection') ?? '';
    const filter = params.get('filter') ?? '';
    return {
      // Unknown or none: the tab the page was served with selected (人物).
      collection: page.tabs.some((t) => collectionOf(t) === collection) ? collection : collectionOf(page.tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? page.tabs[0]!),
      q: params.get('q') ?? '',
      filter: page.filters.some((b) => filterOf(b) === filter) ? filter : '',
    };
  }

  const state = readState(location.search);

  function writeAddress(): void {
    const params = new URLSearchParams({ collection: state.collection });
    if (state.q) params.set('q', state.q);
    if (state.filter) params.set('filter', state.filter);
    history.replaceState(null, '', `/__editor/?${params}`);
  }

  /** Shows the state on the controls: the selected tab, the pressed filter, the search text. */
  function showState(): void {
    for (const tab of page.tabs) {
      const selected = collectionOf(tab) === state.collection;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) page.panel.setAttribute('aria-labelledby', tab.id);
    }
    for (const button of page.filters) button.setAttribute('aria-pressed', String(filterOf(button) === state.filter));
    if (page.search.value !== state.q) page.search.value = state.q;
  }

  let pending: AbortController | undefined;

  async function load(): Promise<void> {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    writeAddress();
    showState();
    page.panel.setAttribute('aria-busy', 'true');
    page.status.classList.remove('error');
    try {
      const body = await fetchEntries(state, controller.signal);
      for (const tab of page.tabs) setCount(tab, body.totals[collectionOf(tab) as keyof typeof body.totals] ?? 0);
      for (const button of page.filters) setCount(button, body.counts[(filterOf(button) || 'all') as keyof typeof body.counts]);
      renderRows(page.list, body);
      page.create.href = viewUrl({ view: 'new', collection: body.collection });
      page.create.textContent = `新建${body.label}`;
      page.status.textContent = summary(body, state.filter ? filterLabel(state.filter) : undefined);
      page.notice.hidden = body.otherProblems === 0;
      page.notice.textContent = `网站设置或公共文件中还有 ${body.otherProblems} 个问题，发布前需要改正。`;
    } catch (error) {
      if (controller.signal.aborted) return;
      page.list.replaceChildren();
      page.status.classList.add('error');
      page.status.textContent = error instanceof ApiError ? error.message : '编辑台出错，请刷新页面重试。';
    } finally {
      if (pending === controller) page.panel.removeAttribute('aria-busy');
    }
  }

  /** What is in the search box now, also when its pause has not passed yet. */
  let typing: ReturnType<typeof setTimeout> | undefined;
  function takeSearch(): void {
    clearTimeout(typing);
    state.q = page.search.value;
  }

  function selectTab(tab: HTMLButtonElement): void {
    takeSearch();
    state.collection = collectionOf(tab);
    tab.focus();
    void load();
  }

  for (const tab of page.tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
      const index = page.tabs.indexOf(tab);
      const last = page.tabs.length - 1;
      const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      selectTab(page.tabs[next]!);
    });
  }

  for (const button of page.filters) {
    button.addEventListener('click', () => {
      takeSearch();
      // Pressing the pressed filter again shows everything.
      state.filter = state.filter === filterOf(button) ? '' : filterOf(button);
      void load();
    });
  }

  // Typing searches after a short pause; Enter searches at once.
  page.search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      takeSearch();
      void load();
    }, 200);
  });
  page.search.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    takeSearch();
    void load();
  });

  void load();
}
