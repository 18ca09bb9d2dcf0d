/**
 * What every control of the form shares: the block it sits in (a label with the 必填 mark, or a
 * fieldset with a legend for controls made of several inputs), the field's help under it, the
 * example as placeholder, and the place where the check's problems about the field are shown,
 * tied to its inputs with `aria-invalid` and `aria-describedby`.
 */
import { controlOf, type ControlSpec } from '../controls';
import { describeBy, element, uniqueId, undescribeBy } from '../dom';
import type { FormField, Problem } from '../form-api';

/** Where a control is built and what it starts with. */
export interface WidgetContext {
  collection: string;
  /** Where the field sits, as problems name it: `sources[1].date`. */
  path: string;
  /** The value from the file; undefined for a new entry or a field the file does not have. */
  value: unknown;
  /** The entry's current picture, for the image field. */
  imageUrl?: string | null | undefined;
  /** Builds the control of a sub-field (groups and rows hold other controls). */
  build: (field: FormField, context: WidgetContext) => Widget;
}

/** A control of the form. */
export interface Widget {
  readonly field: FormField;
  /** The field's block, to put into the form. */
  readonly element: HTMLElement;
  /** The value sent in the save's `data`. */
  read(): unknown;
  /**
   * The control a problem at `segments` below this field belongs to (`[0]` for the first item of
   * a list, `[2, 'key']` for a sub-field of the third row), and the item it names, if any.
   */
  locate(segments: readonly (string | number)[]): { widget: Widget; item?: number | string };
  /** Shows the problems (an empty list clears them); `items` are marked where the control can. */
  showProblems(problems: readonly Problem[], items: readonly (number | string)[]): void;
  focus(): void;
}

/** `message` 怎么改：`hint`, as the check words it. */
export function problemText(problem: Pick<Problem, 'message' | 'hint' | 'severity'>): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (problem.severity === 'warning') fragment.append(element('span', 'problem-kind', '提醒：'));
  fragment.append(element('span', 'problem-message', problem.message));
  if (problem.hint) fragment.append(' ', element('span', 'problem-hint', `怎么改：${problem.hint}`));
  return fragment;
}

/** The common part of every control; subclasses add the inputs to `body`. */
export abstract class FieldWidget implements Widget {
  readonly element: HTMLElement;
  /** Where the inputs go, between the label and the help. */
  protected readonly body: HTMLElement;
  /** The id of the first input, which the label names. */
  readonly inputId: string;
  protected readonly spec: ControlSpec;
  /** The value to start with: the file's, or the schema's default. */
  protected readonly initial: unknown;
  protected readonly helpId: string;
  private readonly problemBox: HTMLElement;
  /** The items marked by the problems shown now. */
  private marked: (number | string)[] = [];

  constructor(
    readonly field: FormField,
    protected readonly context: WidgetContext,
    { grouped = false, problemsBelow = false }: { grouped?: boolean; problemsBelow?: boolean } = {},
  ) {
    this.spec = controlOf(field.input);
    this.initial = context.value === undefined ? field.default : context.value;
    this.inputId = uniqueId(context.path);
    this.helpId = `${this.inputId}-help`;
    this.element = element(grouped ? 'fieldset' : 'div', `field field-${this.spec.widget}`);
    this.element.dataset.path = context.path;
    const title = element(grouped ? 'legend' : 'label', 'field-label', field.label);
    if (!grouped) (title as HTMLLabelElement).htmlFor = this.inputId;
    if (field.required) title.append(' ', element('span', 'required', '必填'));
    this.body = element('div', 'field-body');
    const help = element('p', 'help');
    help.id = this.helpId;
    help.textContent = [field.help.replace(/。$/, ''), this.spec.note].filter(Boolean).join('。');
    this.problemBox = element('div', 'field-problems');
    this.problemBox.id = `${this.inputId}-problems`;
    this.problemBox.hidden = true;
    // Problems go between the label and the control, where the eye goes next; under a long text
    // (the body) they would be off the screen above it, so they follow it there.
    if (problemsBelow) this.element.append(title, this.body, this.problemBox, help);
    else this.element.append(title, this.problemBox, this.body, help);
  }

  abstract read(): unknown;

  /** The inputs that carry the field's state for assistive technology; the first takes the focus. */
  protected abstract inputs(): HTMLElement[];

  /** Marks or unmarks one item (a chip, a row) named by a problem. */
  protected markItem(_item: number | string, _on: boolean): void {}

  /** Called by each control once its inputs exist: ties the help to them, marks them required. */
  protected connect(): void {
    const inputs = this.inputs();
    for (const input of inputs) describeBy(input, this.helpId);
    // Native `required` (the form has novalidate: the server's check speaks, not the browser):
    // every radio of a group, otherwise the first input (the year of a date).
    if (!this.field.required) return;
    for (const input of inputs.filter((node, index) => index === 0 || (node instanceof HTMLInputElement && node.type === 'radio'))) {
      if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement) input.required = true;
    }
  }

  locate(segments: readonly (string | number)[]): { widget: Widget; item?: number | string } {
    const [first] = segments;
    return first === undefined ? { widget: this } : { widget: this, item: first };
  }

  showProblems(problems: readonly Problem[], items: readonly (number | string)[]): void {
    for (const item of this.marked) this.markItem(item, false);
    this.marked = [...items];
    for (const item of items) this.markItem(item, true);
    this.problemBox.replaceChildren(...problems.map((p) => {
      const line = element('p', p.severity === 'warning' ? 'problem warning' : 'problem');
      line.append(problemText(p));
      return line;
    }));
    this.problemBox.hidden = problems.length === 0;
    const invalid = problems.some((p) => p.severity === 'error');
    this.element.classList.toggle('has-problem', invalid);
    this.element.classList.toggle('has-warning', !invalid && problems.length > 0);
    for (const input of this.inputs()) {
      if (invalid) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      if (problems.length) describeBy(input, this.problemBox.id);
      else undescribeBy(input, this.problemBox.id);
    }
  }

  focus(): void {
    this.inputs()[0]?.focus();
  }
}

/** A text input set up for a field: its id, placeholder (the example), keyboard and spelling. */
export function textInput(widget: { inputId: string; field: FormField }, spec: ControlSpec, value: string): HTMLInputElement {
  const input = element('input', 'input');
  input.type = 'text';
  input.id = widget.inputId;
  input.value = value;
  input.autocomplete = 'off';
  if (widget.field.example) input.placeholder = `如 ${widget.field.example}`;
  if (spec.inputMode) input.inputMode = spec.inputMode;
  if (spec.spellcheck === false) input.spellcheck = false;
  return input;
}

/** A value from the file as the text of an input. */
export const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
