/**
 * The body of a Markdown entry (事迹, 表彰原文 …): a text box with a few buttons that insert the
 * Markdown a clerk would otherwise have to know, and a preview rendered by the server with the
 * site's own Markdown processor, shown in a sandboxed frame where nothing runs. What the check
 * refuses in a body (scripts, unknown tags) is said under the box.
 */
import { ApiError } from './api';
import { button, element } from './dom';
import { previewBody, type FormField } from './form-api';
import { applyTool, MARKDOWN_TOOLS } from './markdown-tools';
import { FieldWidget, type WidgetContext } from './widgets/field-widget';

/** The key problems use for the body. */
export const BODY_KEY = '正文';

/** The frame's page: the rendered body with the editor's readable type. */
function previewDocument(html: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${PREVIEW_STYLESHEET}"><title>预览</title></head><body>${html}</body></html>`;
}

/** Served by the editor itself, like the editor's own stylesheet. */
const PREVIEW_STYLESHEET = '/src/editor/body-preview.css';

export class BodyEditor extends FieldWidget {
  private readonly box: HTMLTextAreaElement;
  private readonly frame: HTMLIFrameElement;
  private readonly previewBox: HTMLElement;
  private readonly previewStatus: HTMLElement;

  constructor(body: { label: string; help: string }, value: string, context: Omit<WidgetContext, 'value' | 'path'>) {
    const field: FormField = { key: BODY_KEY, path: BODY_KEY, label: body.label, help: body.help, input: 'longtext', required: false };
    super(field, { ...context, path: 'body', value }, { problemsBelow: true });
    this.element.classList.add('field-body-text');
    this.box = element('textarea', 'input body-input');
    Object.assign(this.box, { id: this.inputId, rows: 12, value });
    const tools = element('div', 'toolbar');
    tools.setAttribute('role', 'group');
    tools.setAttribute('aria-label', `${body.label}的格式`);
    for (const { tool, label, title } of MARKDOWN_TOOLS) {
      const control = button(label, 'tool', () => this.apply(tool));
      control.title = title;
      control.setAttribute('aria-controls', this.box.id);
      tools.append(control);
    }
    const preview = button('预览', 'tool tool-preview', () => void this.preview());
    preview.setAttribute('aria-controls', `${this.inputId}-preview`);
    tools.append(preview);
    this.previewStatus = element('p', 'preview-status');
    this.previewStatus.setAttribute('role', 'status');
    this.frame = element('iframe', 'body-frame');
    // No script, no form, no popup, no navigation of the editor may come from the body. The frame
    // keeps the editor's origin only so that it may load the preview's stylesheet with the
    // editor's session (the frame inherits the editor's Content-Security-Policy too).
    this.frame.setAttribute('sandbox', 'allow-same-origin');
    this.frame.title = `${body.label}预览`;
    // As tall as the rendered body (up to a screen), so it reads without a second scroll bar.
    this.frame.addEventListener('load', () => {
      const height = this.frame.contentDocument?.documentElement.scrollHeight;
      if (height) this.frame.style.height = `${Math.min(height + 8, 720)}px`;
    });
    this.previewBox = element('div', 'body-preview');
    this.previewBox.id = `${this.inputId}-preview`;
    this.previewBox.hidden = true;
    this.previewBox.append(element('h3', 'preview-heading', `${body.label}预览`), this.frame);
    this.body.append(tools, this.box, this.previewStatus, this.previewBox);
    this.connect();
  }

  private apply(tool: Parameters<typeof applyTool>[0]): void {
    const next = applyTool(tool, { text: this.box.value, start: this.box.selectionStart, end: this.box.selectionEnd });
    this.box.value = next.text;
    this.box.focus();
    this.box.setSelectionRange(next.start, next.end);
    this.box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private async preview(): Promise<void> {
    this.previewStatus.textContent = '正在生成预览…';
    try {
      const answer = await previewBody(this.context.collection, this.box.value);
      this.showProblems(answer.problems, []);
      if (answer.problems.length) {
        this.previewBox.hidden = true;
        this.previewStatus.textContent = `${this.field.label}中有 ${answer.problems.length} 处需要修改，见上方说明。`;
        return;
      }
      this.frame.srcdoc = previewDocument(answer.html);
      this.previewBox.hidden = false;
      this.previewStatus.textContent = '预览已更新（图片和页面样式以保存后的页面预览为准）。';
    } catch (error) {
      this.previewStatus.textContent = error instanceof ApiError ? error.message : '预览没有生成，请重试。';
    }
  }

  read(): string {
    return this.box.value;
  }

  protected inputs(): HTMLElement[] {
    return [this.box];
  }
}
