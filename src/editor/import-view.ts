/**
 * 从表格导入: a spreadsheet (.xlsx or .csv) uploaded to the server's `api/import`, which runs
 * `npm run import` on it — all or nothing — and answers with the same report. 只检查 writes
 * nothing; 导入 writes every row or, when one row is wrong, none.
 */
import { button, element } from './dom';

interface ImportAnswer {
  ok: boolean;
  written: number;
  report: string;
  error?: string;
}

/** Draws the page into `main`. */
export async function startImport(main: HTMLElement): Promise<void> {
  const back = element('a', 'back-link', '← 返回条目列表');
  back.href = '/__editor/';
  const heading = element('h2', 'view-title', '从表格导入');
  const intro = element(
    'p',
    'help',
    '把已经记在 Excel 表格中的内容一次导入。表格的第一行是列名，模板在项目文件夹的 docs/templates/ 中。只要有一行不对，就一个文件也不写，报告写明第几行、哪一列、怎么改。',
  );

  const kindLabel = element('label', 'field-label', '导入哪一类内容');
  const kind = element('select', 'import-kind');
  kind.id = 'import-kind';
  kindLabel.htmlFor = kind.id;
  // The browser's own file button speaks the browser's language: ours says it in Chinese.
  const fileLabel = element('label', 'field-label', '表格文件（.xlsx 或 .csv）');
  const file = element('input', 'sr-only');
  file.type = 'file';
  file.id = 'import-file';
  file.accept = '.xlsx,.csv';
  fileLabel.htmlFor = file.id;
  const fileName = element('span', 'import-file-name', '还没有选择文件');
  const choose = button('选择表格文件…', 'button-secondary', () => file.click());
  const fileRow = element('div', 'import-file-row');
  fileRow.append(choose, fileName, file);
  file.addEventListener('change', () => (fileName.textContent = file.files?.[0]?.name ?? '还没有选择文件'));
  const updateBox = element('label', 'import-update');
  const update = element('input');
  update.type = 'checkbox';
  updateBox.append(update, element('span', '', '表格中已有的条目按表格更新（不勾选时，已有的条目保持不变）'));

  const check = button('只检查，不写入', 'button-secondary import-check', () => void run(true));
  const go = button('导入', 'button-primary import-go', () => void run(false));
  const actions = element('div', 'import-actions');
  actions.append(check, go);
  const report = element('pre', 'import-report');
  report.setAttribute('role', 'status');
  report.setAttribute('aria-live', 'polite');
  report.hidden = true;
  main.replaceChildren(back, heading, intro, kindLabel, kind, fileLabel, fileRow, updateBox, actions, report);

  try {
    const { collections } = (await (await fetch('/__editor/api/import')).json()) as { collections: { value: string; label: string }[] };
    for (const { value, label } of collections) {
      const option = element('option', '', label);
      option.value = value;
      kind.append(option);
    }
  } catch {
    report.hidden = false;
    report.textContent = '编辑台没有回答：请确认命令窗口中的编辑台还在运行。';
  }

  async function run(dryRun: boolean): Promise<void> {
    const chosen = file.files?.[0];
    report.hidden = false;
    if (!chosen) {
      report.textContent = '请先选择表格文件。';
      file.focus();
      return;
    }
    check.disabled = go.disabled = true;
    report.textContent = dryRun ? '正在检查…' : '正在导入…';
    try {
      const params = new URLSearchParams({ collection: kind.value, ...(dryRun ? { dryRun: '1' } : {}), ...(update.checked ? { update: '1' } : {}) });
      const response = await fetch(`/__editor/api/import?${params}`, {
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent(chosen.name), 'content-type': 'application/octet-stream' },
        body: chosen,
      });
      const answer = (await response.json()) as ImportAnswer;
      report.textContent = answer.error ?? answer.report;
      report.className = `import-report ${answer.ok ? 'ok' : 'failed'}`;
    } catch {
      report.textContent = '编辑台没有回答：请确认命令窗口中的编辑台还在运行。';
    } finally {
      check.disabled = go.disabled = false;
    }
  }
}
