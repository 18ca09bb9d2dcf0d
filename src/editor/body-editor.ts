/**
 * The body of a Markdown entry (事迹, 表彰原文 …): a text box with a few buttons that insert the
 * Markdown a clerk would otherwise have to know, and a preview rendered by the server with the
 * site's own Markdown processor, shown in a sandboxed frame where nothing runs. What the check
 * refuses in a body (scripts, unknown tags) is said under the box.
 */
import { ApiError } from './api';
import { button, element } from './dom';
import { previewBody, uploadDocx, type DocxAnswer, type FormField } from './form-api';
import { applyTool, MARKDOWN_TOOLS } from './markdown-tools';
import { FieldWidget, type WidgetContext } from './widgets/field-widget';

/** The key problems use for the body. */
export const BODY_KEY = '正文';

/** A Word document's picture, taken in by the server and waiting for the save. */
export type DocxPicture = Extract<DocxAnswer, { ok: true }>['pictures'][number];

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
  /** The pictures of the last Word document, by the name the body gives them, until the save names them after the entry. */
  private pending = new Map<string, DocxPicture>();

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
    // 从 Word 导入: the document's text replaces the body here; nothing is written before 保存.
    const word = element('input', 'sr-only');
    Object.assign(word, { type: 'file', accept: '.docx', tabIndex: -1 });
    word.setAttribute('aria-hidden', 'true');
    word.setAttribute('aria-label', 'Word 文档（.docx）');
    const fromWord = button('从 Word 导入…', 'tool tool-docx', () => word.click());
    fromWord.title = '选择 Word 文档（.docx），把其中的文字和图片填入正文；保存后才写入';
    fromWord.setAttribute('aria-controls', this.box.id);
    word.addEventListener('change', () => {
      const file = word.files?.[0];
      word.value = '';
      if (file) void this.importWord(file);
    });
    tools.append(preview, fromWord, word);
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
      this.frame.srcdoc = previewDocument(this.withPendingPictures(answer.html));
      this.previewBox.hidden = false;
      this.previewStatus.textContent = '预览已更新（图片和页面样式以保存后的页面预览为准）。';
    } catch (error) {
      this.previewStatus.textContent = error instanceof ApiError ? error.message : '预览没有生成，请重试。';
    }
  }

  /** Reads a Word document on the server and puts its text in the box (after asking, when the box has text). */
  private async importWord(file: File): Promise<void> {
    this.previewStatus.textContent = `正在读取 ${file.name}…`;
    try {
      const answer = await uploadDocx(this.context.collection, file);
      if (!answer.ok) {
        this.previewStatus.textContent = `${answer.message}${answer.hint ? `。${answer.hint}` : ''}`;
        return;
      }
      if (this.box.value.trim() && !window.confirm(`用 ${file.name} 的内容替换现在的${this.field.label}吗？（保存之前都可以改回：不保存、重新打开这个条目即可）`)) {
        this.previewStatus.textContent = '没有替换。';
        return;
      }
      this.box.value = answer.body;
      this.pending = new Map(answer.pictures.map((picture) => [picture.name, picture]));
      this.box.dispatchEvent(new Event('input', { bubbles: true }));
      const pictures = answer.pictures.length ? `，${answer.pictures.length} 张图片放在正文中原来的位置（保存时按条目改名，如 ![说明](./word-1.jpg) 会变成 ./条目id-1.jpg）` : '';
      const done = `已从 ${file.name} 导入${answer.title ? `（文档标题：${answer.title}）` : ''}${pictures}。请核对后保存；保存时会检查全部内容。`;
      // What came in, as the page will show it (headings, table and pictures); then what the import says, with what the preview found.
      await this.preview();
      const previewed = this.previewBox.hidden ? [this.previewStatus.textContent ?? ''] : [];
      this.previewStatus.textContent = [done, ...answer.notes, ...previewed].join(' ');
      this.box.focus();
    } catch (error) {
      this.previewStatus.textContent = error instanceof ApiError ? error.message : '没有读取成功，请重试。';
    }
  }

  read(): string {
    return this.box.value;
  }

  /** The Word document's pictures the body still shows, for the save. */
  pictures(): { upload: string; name: string }[] {
    return [...this.pending.values()].filter((p) => this.box.value.includes(`](./${p.name})`)).map(({ upload, name }) => ({ upload, name }));
  }

  /** The rendered body with the pictures not saved yet shown from the server's uploads. */
  private withPendingPictures(html: string): string {
    if (this.pending.size === 0) return html;
    const page = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    for (const image of page.querySelectorAll('img')) {
      const waiting = this.pending.get((image.getAttribute('src') ?? '').replace(/^\.\//, ''));
      if (!waiting) continue;
      image.src = waiting.url;
      image.width = waiting.width;
      image.height = waiting.height;
    }
    return page.body.innerHTML;
  }

  protected inputs(): HTMLElement[] {
    return [this.box];
  }
}
