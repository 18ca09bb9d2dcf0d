/**
 * The form of one entry, new or existing: one control per field of the collection's description
 * (never a hand-written list), the body with its toolbar, 保存 — the server checks the whole site
 * and writes nothing when the save would add an error, whose problems are then shown next to their
 * fields — and after a save the entry's page, its history and 撤销.
 */
import { ApiError } from './api';
import { BodyEditor, BODY_KEY } from './body-editor';
import { button, element, formatTime } from './dom';
import { fetchEntry, fetchForm, saveEntry, undoEntry, type EntryAnswer, type FormSchema, type Problem, type SaveRequest } from './form-api';
import { PagePreview } from './page-preview';
import { ProblemDisplay } from './problems';
import { leaveNotice, viewUrl } from './urls';
import { buildWidget, ImageWidget, type Widget } from './widgets/index';

type FormViewTarget = { collection: string; id?: string | undefined };

/** Problems named once, though the save and the entry's check both report them. */
function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = [p.severity, p.code, p.file, p.field ?? '', p.message].join('|');
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** The page's parts, built once; the fields are redrawn whenever the entry is (re)loaded. */
class EntryForm {
  readonly element = element('section', 'form-view');
  private readonly heading = element('h2', 'form-heading');
  private readonly file = element('p', 'form-file');
  private readonly summary = element('div', 'summary');
  private readonly form = element('form', 'entry-form');
  private readonly fields = element('div', 'fields');
  private readonly saveButton = element('button', 'button-primary', '保存');
  private readonly status = element('p', 'save-status');
  private readonly preview = new PagePreview();
  private readonly history = element('section', 'history');
  private readonly problems: ProblemDisplay;
  private widgets = new Map<string, Widget>();
  private schema: FormSchema | undefined;
  private entry: EntryAnswer | undefined;
  private saving = false;
  private dirty = false;

  constructor(private readonly target: FormViewTarget) {
    const back = element('a', 'back', '← 返回列表');
    back.href = viewUrl({ view: 'list', collection: target.collection });
    this.summary.setAttribute('role', 'alert');
    this.status.setAttribute('role', 'status');
    this.form.noValidate = true;
    this.form.id = 'entry-form';
    this.saveButton.type = 'submit';
    const actions = element('div', 'actions');
    actions.append(this.saveButton, this.status);
    this.form.append(this.fields, actions);
    this.history.hidden = true;
    this.element.append(back, this.heading, this.file, this.summary, this.form, this.preview.element, this.history);
    this.problems = new ProblemDisplay(this.summary, () => this.widgets);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.form.addEventListener('input', () => (this.dirty = true));
    this.form.addEventListener('change', () => (this.dirty = true));
    // Leaving with unsaved changes asks first (the browser's own question).
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty) event.preventDefault();
    });
  }

  /** Reads the form and the entry (for an existing one) and draws them. */
  async load(): Promise<void> {
    this.heading.textContent = '正在读取…';
    try {
      const [schema, entry] = await Promise.all([fetchForm(this.target.collection), this.target.id ? fetchEntry(this.target.collection, this.target.id) : undefined]);
      this.schema = schema;
      this.draw(entry);
    } catch (error) {
      this.heading.textContent = '无法打开';
      this.form.hidden = true;
      const message = error instanceof ApiError ? error.message : '编辑台出错，请刷新页面重试。';
      this.summary.className = 'summary summary-error';
      this.summary.replaceChildren(element('p', '', message));
    }
  }

  private draw(entry: EntryAnswer | undefined): void {
    const schema = this.schema!;
    this.entry = entry;
    const title = entry ? `编辑${schema.label}：${entry.name}` : `新建${schema.label}`;
    this.heading.textContent = title;
    document.title = `${title} · 编辑台`;
    this.file.textContent = entry ? `文件：${entry.file}` : '保存时自动生成文件名（人名、标题按拼音），不会覆盖已有的文件。';
    this.widgets = new Map(schema.fields.map((field) => [field.key, buildWidget(field, { collection: schema.collection, path: field.key, value: entry?.data[field.key], imageUrl: entry?.imageUrl })]));
    if (schema.body) this.widgets.set(BODY_KEY, new BodyEditor(schema.body, entry?.body ?? '', { collection: schema.collection, build: buildWidget }));
    this.fields.replaceChildren(...[...this.widgets.values()].map((w) => w.element));
    this.dirty = false;
    this.drawHistory();
    const existing = entry?.problems ?? [];
    this.problems.show(existing, { heading: `这个${schema.label}现在有 ${existing.length} 个问题`, file: entry?.file });
  }

  /** What the save sends: every field of the form, the body, and a picture waiting for it. */
  private request(): SaveRequest {
    const schema = this.schema!;
    const data = Object.fromEntries(schema.fields.map((field) => [field.key, this.widgets.get(field.key)!.read()]));
    const image = schema.imageField ? this.widgets.get(schema.imageField) : undefined;
    const upload = image instanceof ImageWidget ? image.upload : undefined;
    const bodyEditor = schema.body ? this.widgets.get(BODY_KEY) : undefined;
    const body = bodyEditor ? (bodyEditor.read() as string) : undefined;
    const pictures = bodyEditor instanceof BodyEditor ? bodyEditor.pictures() : [];
    return {
      collection: schema.collection,
      ...(this.entry ? { id: this.entry.id } : {}),
      data,
      ...(body !== undefined ? { body } : {}),
      ...(upload ? { upload } : {}),
      ...(pictures.length ? { pictures } : {}),
    };
  }

  private async save(): Promise<void> {
    if (this.saving || !this.schema) return;
    this.saving = true;
    this.saveButton.setAttribute('aria-disabled', 'true');
    this.form.setAttribute('aria-busy', 'true');
    this.status.className = 'save-status';
    this.status.textContent = '正在检查并保存…';
    try {
      const answer = await saveEntry(this.request());
      if (!answer.ok) {
        // The save reports what it would add; what the file had already is shown with it.
        const shown = this.problems.show(distinct([...answer.problems, ...answer.warnings, ...(this.entry?.problems ?? [])]), {
          heading: `没有保存：有 ${answer.problems.length} 个新问题需要改正`,
          file: this.entry?.file,
        });
        this.status.className = 'save-status status-error';
        this.status.textContent = '没有保存，请按红色的提示修改后再保存。';
        if (shown.first) {
          shown.first.element.scrollIntoView({ block: 'center' });
          shown.first.focus();
        }
        return;
      }
      const changed = answer.changed.map((key) => this.schema!.fields.find((f) => f.key === key)?.label ?? (key === 'body' ? this.schema!.body?.label : key));
      if (answer.created) history.replaceState(null, '', viewUrl({ view: 'edit', collection: this.schema.collection, id: answer.id }));
      this.target.id = answer.id;
      const entry = await fetchEntry(this.schema.collection, answer.id);
      this.draw({ ...entry, problems: distinct([...entry.problems, ...answer.warnings]) });
      this.status.className = 'save-status status-done';
      this.status.textContent = `已保存（${formatTime(new Date().toISOString(), { seconds: true })}）。${changed.length ? `改动：${changed.join('、')}。` : '没有改动。'}`;
      if (answer.previewUrl) this.status.append(' ', this.preview.jumpLink());
      void this.preview.show(answer.previewUrl);
    } catch (error) {
      this.status.className = 'save-status status-error';
      this.status.textContent = error instanceof ApiError ? error.message : '保存没有完成，请重试。';
    } finally {
      this.saving = false;
      this.saveButton.removeAttribute('aria-disabled');
      this.form.removeAttribute('aria-busy');
    }
  }

  /** The entry's saves, newest first, and 撤销 for the last one. */
  private drawHistory(): void {
    const entry = this.entry;
    if (!entry) {
      this.history.hidden = true;
      return;
    }
    this.history.hidden = false;
    const heading = element('h3', '', '修改记录');
    const list = element('ol', 'history-list');
    for (const record of entry.history) {
      const item = element('li');
      item.append(element('time', 'history-time', formatTime(record.time)), ' ', record.summary);
      item.querySelector('time')!.dateTime = record.time;
      list.append(item);
    }
    const confirm = element('div', 'undo-confirm');
    confirm.hidden = true;
    const undo = button('撤销上一次保存', 'button-secondary', () => {
      confirm.hidden = false;
      confirm.querySelector('button')?.focus();
    });
    if (!entry.canUndo) undo.disabled = true;
    const last = entry.history[0]?.summary ?? '上一次保存';
    confirm.append(
      element('p', '', `确定要撤销“${last}”吗？文件会恢复到那次保存之前的样子。`),
      button('确定撤销', 'button-primary', () => void this.undo()),
      ' ',
      button('不撤销', 'button-secondary', () => {
        confirm.hidden = true;
        undo.focus();
      }),
    );
    const none = element('p', 'history-none', '这个条目还没有在编辑台中修改过。');
    this.history.replaceChildren(heading, entry.history.length ? list : none, undo, confirm);
  }

  private async undo(): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    try {
      const answer = await undoEntry(entry.collection, entry.id);
      if (!answer.ok) {
        this.status.className = 'save-status status-error';
        this.status.textContent = answer.message;
        return;
      }
      this.dirty = false;
      if (answer.removed) {
        // A new entry undone is gone: back to its list, which says so.
        leaveNotice(answer.summary);
        location.assign(viewUrl({ view: 'list', collection: entry.collection }));
        return;
      }
      this.draw(await fetchEntry(entry.collection, entry.id));
      this.status.className = 'save-status status-done';
      this.status.textContent = answer.summary;
      void this.preview.show(entry.previewUrl);
      this.saveButton.focus();
    } catch (error) {
      this.status.className = 'save-status status-error';
      this.status.textContent = error instanceof ApiError ? error.message : '撤销没有完成，请重试。';
    }
  }
}

/** Replaces the list the server wrote with the form of `target`. */
export function startForm(target: FormViewTarget): void {
  document.querySelector<HTMLElement>('.tabs')!.hidden = true;
  document.querySelector<HTMLElement>('#panel')!.hidden = true;
  const skip = document.querySelector<HTMLAnchorElement>('.skip');
  if (skip) {
    skip.textContent = '跳到表单';
    skip.href = '#entry-form';
  }
  const form = new EntryForm(target);
  document.querySelector('main')!.append(form.element);
  void form.load();
}
