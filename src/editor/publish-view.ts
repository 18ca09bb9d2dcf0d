/**
 * 发布与回退. 发布 runs the real build in the background (the server's `api/publish`); while it runs
 * the page shows its steps, then either what was published and what was left out and why
 * (发布前清单), or the problems and that the live site was not touched. 回退 puts the previous
 * published site back. Both say everything in the server's own Chinese lines.
 */
import { button, element } from './dom';

interface PublishState {
  running: boolean;
  progress: { label: string; index: number; total: number; detail?: string } | null;
  result: { ok: boolean; lines: string[]; pages?: number; ms: number } | null;
  versions: string[];
  canRollback: boolean;
}

/** Asks the publishing API; a refusal or a lost server is said in Chinese. */
async function ask<T>(method: 'GET' | 'POST', route: string): Promise<T> {
  const response = await fetch(`/__editor/api/${route}`, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  const body = (await response.json().catch(() => ({ error: '编辑台没有回答：请确认命令窗口中的编辑台还在运行。' }))) as T & { error?: string };
  if (body.error) throw new Error(body.error);
  return body;
}

/** Lines as paragraphs, the first one stronger: the result comes first. */
function lineList(lines: readonly string[]): HTMLElement {
  const box = element('div', 'publish-lines');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    box.append(element('p', index === 0 ? 'publish-headline' : line.startsWith('  ') ? 'publish-item' : '', line.trim()));
  }
  return box;
}

/** Draws the page into `main` and keeps it up to date while a publish runs. */
export function startPublish(main: HTMLElement): void {
  const heading = element('h2', 'view-title', '发布与回退');
  const intro = element('p', 'help', '发布会检查全部内容、生成整个网站并替换正在使用的网站，需要一两分钟。发布失败时，正在使用的网站保持不变。');
  const back = element('a', 'back-link', '← 返回条目列表');
  back.href = '/__editor/';
  const publish = button('发布网站', 'button-primary publish', () => void start());
  const rollback = button('回退到上一次发布', 'button-secondary rollback', () => void undoPublish());
  const actions = element('div', 'publish-actions');
  actions.append(publish, rollback);

  const progressBox = element('section', 'publish-progress');
  progressBox.setAttribute('aria-label', '发布进度');
  const bar = element('progress', 'publish-bar');
  const step = element('p', 'publish-step');
  progressBox.append(step, bar);
  progressBox.hidden = true;

  const result = element('section', 'publish-result');
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  const versionsTitle = element('h3', 'publish-versions-title', '已发布的版本');
  const versions = element('div', 'publish-versions');
  main.replaceChildren(back, heading, intro, actions, progressBox, result, versionsTitle, versions);

  let polling: number | undefined;

  function show(state: PublishState): void {
    publish.disabled = state.running;
    publish.textContent = state.running ? '正在发布…' : '发布网站';
    rollback.disabled = state.running || !state.canRollback;
    progressBox.hidden = !state.running;
    if (state.progress) {
      step.textContent = `第 ${state.progress.index} 步，共 ${state.progress.total} 步：${state.progress.label}${state.progress.detail ? `（${state.progress.detail}）` : ''}`;
      bar.max = state.progress.total;
      bar.value = state.progress.index;
    } else if (state.running) step.textContent = '正在开始…';
    if (state.result) {
      result.className = `publish-result ${state.result.ok ? 'ok' : 'failed'}`;
      result.replaceChildren(lineList(state.result.lines));
    }
    versions.replaceChildren(lineList(state.versions));
    if (state.running && polling === undefined) polling = window.setInterval(() => void refresh(), 500);
    if (!state.running && polling !== undefined) {
      window.clearInterval(polling);
      polling = undefined;
    }
  }

  function fail(error: unknown): void {
    result.className = 'publish-result failed';
    result.replaceChildren(element('p', 'publish-headline', (error as Error).message));
  }

  async function refresh(): Promise<void> {
    try {
      show(await ask<PublishState>('GET', 'publish'));
    } catch (error) {
      fail(error);
    }
  }

  async function start(): Promise<void> {
    result.replaceChildren();
    try {
      show(await ask<PublishState>('POST', 'publish'));
    } catch (error) {
      fail(error);
    }
  }

  async function undoPublish(): Promise<void> {
    if (!window.confirm('回退后，上一次发布的网站会替换正在使用的网站。确定要回退吗？')) return;
    rollback.disabled = true;
    try {
      const answer = await ask<{ ok: boolean; lines: string[]; state?: PublishState }>('POST', 'rollback');
      if (answer.state) show(answer.state);
      result.className = `publish-result ${answer.ok ? 'ok' : 'failed'}`;
      result.replaceChildren(lineList(answer.lines));
    } catch (error) {
      fail(error);
    }
  }

  void refresh();
}
