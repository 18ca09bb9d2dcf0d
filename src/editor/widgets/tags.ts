/**
 * Keywords as chips: typed and added with Enter (or separated by 、，), removed with their ×
 * button, with the words other entries already use offered as suggestions, so one idea keeps one
 * spelling (见义勇为, not 见义勇为者).
 */
import { button, element } from '../dom';
import { fetchTags, type FormField } from '../form-api';
import { wordsOf } from '../values';
import { asText, FieldWidget, type WidgetContext } from './field-widget';

export class TagsWidget extends FieldWidget {
  private readonly words: string[];
  private readonly chips: HTMLUListElement;
  private readonly input: HTMLInputElement;
  private readonly suggestions: HTMLDataListElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.words = Array.isArray(this.initial) ? this.initial.map(asText).filter(Boolean) : [];
    this.chips = element('ul', 'chips');
    this.chips.setAttribute('aria-label', `已有的${field.label}`);
    this.suggestions = element('datalist');
    this.suggestions.id = `${this.inputId}-suggestions`;
    this.input = element('input', 'input');
    Object.assign(this.input, { type: 'text', id: this.inputId, autocomplete: 'off' });
    this.input.setAttribute('list', this.suggestions.id);
    this.input.placeholder = field.example ? `如 ${field.example}，输入后按回车` : '输入后按回车';
    const add = button('添加', 'button-secondary', () => this.take());
    add.setAttribute('aria-label', `添加${field.label}`);
    const row = element('div', 'inline');
    row.append(this.input, add, this.suggestions);
    this.body.append(this.chips, row);
    this.renderChips();
    this.connect();
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.take();
      }
    });
    // Choosing a suggestion or typing a separator adds the word at once.
    this.input.addEventListener('input', (event) => {
      const picked = !(event instanceof InputEvent) || event.inputType === 'insertReplacementText';
      if (picked || /[、，,；;]/.test(this.input.value)) this.take();
    });
    fetchTags(context.collection, field.key)
      .then((tags) => this.suggestions.replaceChildren(...tags.map((tag) => new Option(tag, tag))))
      .catch(() => {});
  }

  /** Moves what is typed into chips. */
  private take(): void {
    for (const word of wordsOf(this.input.value)) if (!this.words.includes(word)) this.words.push(word);
    this.input.value = '';
    this.renderChips();
  }

  private renderChips(): void {
    this.chips.replaceChildren(
      ...this.words.map((word, index) => {
        const chip = element('li', 'chip');
        const remove = button('×', 'chip-remove', () => {
          this.words.splice(index, 1);
          this.renderChips();
          this.input.focus();
        });
        remove.setAttribute('aria-label', `删除 ${word}`);
        chip.append(element('span', 'chip-text', word), remove);
        return chip;
      }),
    );
    this.chips.hidden = this.words.length === 0;
  }

  /** The chips, and what is still typed in the box (a clerk may save without pressing Enter). */
  read(): string[] {
    return [...this.words, ...wordsOf(this.input.value).filter((w) => !this.words.includes(w))];
  }

  protected inputs(): HTMLElement[] {
    return [this.input];
  }

  protected override markItem(item: number | string, on: boolean): void {
    if (typeof item === 'number') this.chips.children[item]?.classList.toggle('chip-problem', on);
  }
}
