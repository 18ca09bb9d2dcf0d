/**
 * The editor's HTML page. The server writes the parts that never change while it runs — the
 * collection tabs and the filter buttons with their Chinese labels — so the client script stays
 * free of the schemas, and loads the rows from the API. Everything comes from the editor itself:
 * no CDN, no web font (the clerk's PC may be offline).
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../schemas/index';
import { ENTRY_FILTER_LABELS, ENTRY_FILTERS } from './entry-list';

/** The page's own script and stylesheet, served and transformed by Vite from the project. */
export const EDITOR_SCRIPT = '/src/editor/main.ts';
export const EDITOR_STYLESHEET = '/src/editor/editor.css';

/**
 * Scripts and styles from the editor only, no plugins, no framing by other pages; `connect-src`
 * 'self' is the API (and Vite's websocket, same origin).
 */
export const EDITOR_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for the site titled `siteTitle`, with `first` as the selected tab before the script runs. */
export function editorShell({ siteTitle, first = 'officers' }: { siteTitle: string; first?: CollectionName }): string {
  const tabs = COLLECTION_NAMES.map(
    (name) =>
      `<button type="button" role="tab" id="tab-${name}" data-collection="${name}" aria-controls="panel" aria-selected="${name === first}" tabindex="${name === first ? 0 : -1}">${escapeHtml(COLLECTIONS[name].label)}<span class="count"></span></button>`,
  ).join('\n        ');
  const filters = [
    `<button type="button" data-filter="" aria-pressed="true">全部<span class="count"></span></button>`,
    ...ENTRY_FILTERS.map((f) => `<button type="button" data-filter="${f}" aria-pressed="false">${escapeHtml(ENTRY_FILTER_LABELS[f])}<span class="count"></span></button>`),
  ].join('\n          ');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>编辑台 · ${escapeHtml(siteTitle)}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${EDITOR_STYLESHEET}">
    <script type="module" src="${EDITOR_SCRIPT}"></script>
  </head>
  <body>
    <a class="skip" href="#entries">跳到条目列表</a>
    <header class="bar">
      <h1><a href="/__editor/">编辑台</a></h1>
      <p class="site">${escapeHtml(siteTitle)}</p>
      <nav class="bar-nav" aria-label="编辑台功能">
        <a href="/__editor/">条目</a>
        <a href="/__editor/?view=import">从表格导入</a>
        <a href="/__editor/?view=publish">发布与回退</a>
      </nav>
    </header>
    <main>
      <div class="tabs" role="tablist" aria-label="内容类别">
        ${tabs}
      </div>
      <section id="panel" role="tabpanel" aria-labelledby="tab-${first}">
        <form class="search" role="search" action="/__editor/" method="get">
          <label for="q">搜索名称、拼音或首字母</label>
          <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="如 王祥、wangxiang、wx">
        </form>
        <div class="filters" role="group" aria-label="按状态筛选">
          ${filters}
        </div>
        <p id="notice" class="notice" hidden></p>
        <p id="status" class="status" role="status" aria-live="polite">正在读取…</p>
        <ul id="entries" class="entries" tabindex="-1" aria-labelledby="status"></ul>
      </section>
    </main>
    <noscript><p class="notice">编辑台需要浏览器启用 JavaScript。</p></noscript>
  </body>
</html>
`;
}
