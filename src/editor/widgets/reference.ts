/**
 * A picker for entries of another collection: type a name, its pinyin or its initials (王祥,
 * wangxiang, wx) and choose from the list (the ARIA combobox pattern: arrow keys, Enter, Escape).
 * The chosen entries are chips with a remove button; a reference allows one, references several.
 * An id the file has but no entry answers to (a typo, a deleted entry) stays visible as such.
 */
import { button, describeBy, element } from '../dom';
import { fetchOptions, type FormField, type RefOption } from '../form-api';
import { matchesOption } from '../values';
import { asText, FieldWidget, type WidgetContext } from './field-widget';

/** More matches than this are not shown: typing more narrows them. */
const MAX_SHOWN = 30;

export class ReferenceWidget extends FieldWidget {
  private readonly multiple: boolean;
  private ids: string[];
  private options: RefOption[] = [];
  private readonly chips: HTMLUListElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLElement;
  /** Says so when text was typed but nothing chosen: typing alone fills nothing in. */
  private readonly note: HTMLElement;
  private shown: RefOption[] = [];
  private active = -1;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.multiple = field.input === 'references';
    const initial = Array.isArray(this.initial) ? this.initial.map(asText) : asText(this.initial) ? [asText(this.initial)] : [];
    this.ids = initial.filter(Boolean);
    this.chips = element('ul', 'chips');
    this.chips.setAttribute('aria-label', `已选的${field.label}`);
    const listId = `${this.inputId}-list`;
    this.input = element('input', 'input');
    Object.assign(this.input, { type: 'text', id: this.inputId, autocomplete: 'off', spellcheck: false });
    this.input.placeholder = this.multiple ? '输入姓名、拼音或首字母，可选多个' : '输入名称、拼音或首字母';
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-expanded', 'false');
    this.input.setAttribute('aria-controls', listId);
    this.list = element('ul', 'options');
    this.list.id = listId;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', `${field.label}的选项`);
    this.list.hidden = true;
    this.count = element('p', 'sr-only');
    this.count.setAttribute('aria-live', 'polite');
    this.note = element('p', 'pick-note');
    this.note.id = `${this.inputId}-note`;
    const combo = element('div', 'combo');
    combo.append(this.input, this.list, this.count);
    this.body.append(this.chips, combo, this.note);
    this.renderChips();
    this.connect();
    describeBy(this.input, this.note.id);

    this.input.addEventListener('focus', () => void this.load());
    this.input.addEventListener('input', () => {
      this.note.textContent = '';
      this.open();
    });
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    // A click on an option must not blur the input first.
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.input.addEventListener('blur', () => {
      this.close();
      const typed = this.input.value.trim();
      this.note.textContent = typed ? `“${typed}”还没有选中：请在列表中点选一项，或按上下方向键选择后按回车。` : '';
    });
    void this.load();
  }

  /** Asks for the entries once; the chips then show names instead of ids. */
  private async load(): Promise<void> {
    if (!this.field.ref || this.options.length) return;
    try {
      this.options = await fetchOptions(this.field.ref);
      this.renderChips();
      // Typed before the list arrived (a slow PC, a large site): show the matches now, not only
      // after the next key.
      if (document.activeElement === this.input && this.input.value.trim()) this.open();
    } catch {
      this.count.textContent = '无法读取可选的条目，请刷新页面重试。';
    }
  }

  read(): string | string[] {
    return this.multiple ? [...this.ids] : (this.ids[0] ?? '');
  }

  protected inputs(): HTMLElement[] {
    return [this.input];
  }

  protected override markItem(item: number | string, on: boolean): void {
    const index = typeof item === 'number' ? item : this.ids.indexOf(item);
    this.chips.children[index]?.classList.toggle('chip-problem', on);
  }

  private renderChips(): void {
    this.chips.replaceChildren(
      ...this.ids.map((id, index) => {
        const option = this.options.find((o) => o.id === id);
        const chip = element('li', option || !this.options.length ? 'chip' : 'chip chip-missing');
        const name = option ? option.name : this.options.length ? `找不到“${id}”` : id;
        chip.append(element('span', 'chip-text', name));
        chip.append(
          button('×', 'chip-remove', () => {
            this.ids.splice(index, 1);
            this.renderChips();
            this.input.focus();
          }),
        );
        chip.lastElementChild!.setAttribute('aria-label', `移除 ${name}`);
        return chip;
      }),
    );
    this.chips.hidden = this.ids.length === 0;
  }

  private open(): void {
    const query = this.input.value;
    this.shown = this.options.filter((o) => matchesOption(o, query)).slice(0, MAX_SHOWN);
    this.active = this.shown.length ? 0 : -1;
    this.renderOptions();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private renderOptions(): void {
    const id = (index: number) => `${this.list.id}-${index}`;
    this.list.replaceChildren(
      ...this.shown.map((option, index) => {
        const item = element('li', 'option', option.name);
        item.id = id(index);
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(index === this.active));
        if (this.ids.includes(option.id)) item.append(element('span', 'option-chosen', '（已选）'));
        item.addEventListener('click', () => this.choose(option));
        return item;
      }),
    );
    if (this.shown.length === 0) this.list.append(element('li', 'option-none', this.options.length ? '没有找到，换个写法试试（姓名、拼音或首字母）' : '正在读取…'));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', id(this.active));
      document.getElementById(id(this.active))?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
    this.count.textContent = this.shown.length ? `找到 ${this.shown.length} 项，用上下方向键选择，回车确定` : '没有找到';
  }

  private choose(option: RefOption): void {
    if (this.multiple) {
      if (!this.ids.includes(option.id)) this.ids.push(option.id);
    } else this.ids = [option.id];
    this.input.value = '';
    this.renderChips();
    this.close();
    this.count.textContent = `已选 ${option.name}`;
  }

  private onKey(event: KeyboardEvent): void {
    const openNow = !this.list.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!openNow) return this.open();
      if (!this.shown.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.shown.length) % this.shown.length;
      this.renderOptions();
    } else if (event.key === 'Enter') {
      // Enter chooses; it never sends the form from here.
      event.preventDefault();
      const option = this.shown[this.active];
      if (openNow && option) this.choose(option);
    } else if (event.key === 'Escape' && openNow) {
      event.preventDefault();
      this.close();
    }
  }
}
