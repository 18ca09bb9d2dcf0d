/**
 * Choices shown with their Chinese labels (the English values never appear): radio buttons for a
 * handful, a drop-down for more; and yes/no fields as one checkbox.
 */
import { element } from '../dom';
import type { FormField } from '../form-api';
import { asText, FieldWidget, type WidgetContext } from './field-widget';

/** More choices than this are a drop-down: radio buttons would fill a phone's screen. */
const MAX_RADIOS = 6;

export class ChoiceWidget extends FieldWidget {
  private readonly radios: HTMLInputElement[] = [];
  private readonly select: HTMLSelectElement | undefined;

  constructor(field: FormField, context: WidgetContext) {
    const choices = field.choices ?? [];
    const radios = choices.length <= MAX_RADIOS;
    super(field, context, { grouped: radios });
    const current = asText(this.initial);
    // An optional choice can be left empty again; a required one starts with nothing chosen, and
    // one with a default (公开范围: 公开) always has a value.
    const options = field.required || field.default !== undefined ? choices : [...choices, { value: '', label: '不填' }];
    if (radios) {
      const group = element('div', 'choices');
      for (const [index, choice] of options.entries()) {
        const id = index === 0 ? this.inputId : `${this.inputId}-${index}`;
        const radio = element('input');
        radio.type = 'radio';
        radio.name = this.inputId;
        radio.id = id;
        radio.value = choice.value;
        radio.checked = choice.value === current;
        const label = element('label', 'choice', undefined);
        label.htmlFor = id;
        label.append(radio, ' ', choice.label);
        this.radios.push(radio);
        group.append(label);
      }
      this.body.append(group);
    } else {
      this.select = element('select', 'input');
      this.select.id = this.inputId;
      const empty = new Option(field.required || field.default !== undefined ? '请选择' : '不填', '');
      this.select.append(...(field.default !== undefined ? [] : [empty]), ...choices.map((c) => new Option(c.label, c.value)));
      this.select.value = choices.some((c) => c.value === current) ? current : '';
      this.body.append(this.select);
    }
    this.connect();
  }

  read(): string {
    return this.select ? this.select.value : (this.radios.find((r) => r.checked)?.value ?? '');
  }

  protected inputs(): HTMLElement[] {
    return this.select ? [this.select] : this.radios;
  }
}

/** 是/否 as one checkbox, its label the field's own. */
export class BooleanWidget extends FieldWidget {
  private readonly box: HTMLInputElement;
  private readonly state: HTMLElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.box = element('input', 'checkbox');
    this.box.type = 'checkbox';
    this.box.id = this.inputId;
    this.box.checked = this.initial === true;
    // The label sits after the box, as checkboxes read; the state is said in words too.
    const label = this.element.querySelector('label.field-label')!;
    this.state = element('span', 'checkbox-state');
    this.state.setAttribute('aria-hidden', 'true');
    const show = () => (this.state.textContent = this.box.checked ? '是' : '否');
    show();
    this.box.addEventListener('change', show);
    this.body.append(this.box, label, this.state);
    this.connect();
  }

  read(): boolean | '' {
    if (this.box.checked) return true;
    // Unticked is written as false only where the file said so or the schema has a default;
    // otherwise the field stays out of the file (是否党员 not known is not 否).
    return this.initial === false || this.field.default !== undefined ? false : '';
  }

  protected inputs(): HTMLElement[] {
    return [this.box];
  }
}
