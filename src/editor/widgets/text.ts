/**
 * Controls typed as text: one line (text, url, alt, key, figureOrText), a few sentences, a number
 * (kept as typed — full-width digits from an IME included — the server normalises it), and a list
 * written one item per line, as a column pasted from Excel arrives.
 */
import { element } from '../dom';
import { linesOf } from '../values';
import { asText, FieldWidget, textInput, type WidgetContext } from './field-widget';
import type { FormField } from '../form-api';

/** One line of text; also numbers, which are sent as typed. */
export class LineWidget extends FieldWidget {
  private readonly input: HTMLInputElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.input = textInput(this, this.spec, asText(this.initial));
    if (this.spec.widget === 'number') this.input.classList.add('input-number');
    this.body.append(this.input);
    this.connect();
  }

  read(): string {
    return this.input.value;
  }

  protected inputs(): HTMLElement[] {
    return [this.input];
  }
}

/** A text box for a few sentences, or for a list with one item per line. */
export class TextareaWidget extends FieldWidget {
  private readonly box: HTMLTextAreaElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.box = element('textarea', 'input');
    this.box.id = this.inputId;
    this.box.rows = 3;
    this.box.value = Array.isArray(this.initial) ? this.initial.map(asText).join('\n') : asText(this.initial);
    if (field.example) this.box.placeholder = `如 ${field.example}`;
    this.body.append(this.box);
    this.connect();
  }

  read(): string | string[] {
    return this.spec.widget === 'list' ? linesOf(this.box.value) : this.box.value;
  }

  protected inputs(): HTMLElement[] {
    return [this.box];
  }
}
