/**
 * Controls holding other controls: a group of named sub-fields (获奖者, 致谢对象, 统计期间), rows
 * of items with sub-fields that can be added and removed (资料来源, 数据项, 积分明细), and points by
 * category (category → number). Sub-fields are built from their own descriptions, like any field.
 */
import { button, element } from '../dom';
import type { FormField } from '../form-api';
import { asText, FieldWidget, type Widget, type WidgetContext } from './field-widget';

type Values = Record<string, unknown>;
type Located = ReturnType<Widget['locate']>;
const asObject = (value: unknown): Values => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Values) : {});

/** The sub-field controls of one object, built in the order the schema declares them. */
function buildChildren(fields: readonly FormField[], values: Values, context: WidgetContext, prefix: string): Map<string, Widget> {
  return new Map(fields.map((sub) => [sub.key, context.build(sub, { ...context, path: `${prefix}.${sub.key}`, value: values[sub.key] })]));
}

const readChildren = (children: Map<string, Widget>) => Object.fromEntries([...children].map(([key, widget]) => [key, widget.read()]));

/** A problem below an object: the sub-field it names, or the object itself. */
function locateIn(children: Map<string, Widget>, self: Widget, segments: readonly (string | number)[]): Located {
  const [key, ...rest] = segments;
  const child = typeof key === 'string' ? children.get(key) : undefined;
  return child ? child.locate(rest) : { widget: self };
}

/** A fieldset of named sub-fields. */
export class GroupWidget extends FieldWidget {
  private readonly children: Map<string, Widget>;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { grouped: true });
    this.children = buildChildren(field.fields ?? [], asObject(this.initial), context, context.path);
    this.body.append(...[...this.children.values()].map((w) => w.element));
    this.connect();
  }

  read(): Values {
    return readChildren(this.children);
  }

  protected inputs(): HTMLElement[] {
    return [];
  }

  override locate(segments: readonly (string | number)[]): Located {
    return locateIn(this.children, this, segments);
  }

  override focus(): void {
    this.children.values().next().value?.focus();
  }
}

interface Row {
  element: HTMLElement;
  legend: HTMLElement;
  remove: HTMLButtonElement;
  children: Map<string, Widget>;
}

/** A list that grows with the button under it: rows of sub-fields, or points by category. */
abstract class GrowingList<Item> extends FieldWidget {
  protected readonly rows: Item[] = [];
  protected readonly list: HTMLElement;
  protected readonly add: HTMLButtonElement;

  constructor(field: FormField, context: WidgetContext, { ordered, addText }: { ordered: boolean; addText: string }) {
    super(field, context, { grouped: true });
    this.list = element(ordered ? 'ol' : 'ul', ordered ? 'rows' : 'scores');
    this.add = button(addText, 'button-secondary', () => this.addEmpty());
    this.body.append(this.list, this.add);
  }

  /** Adds an empty item and puts the focus in it. */
  protected abstract addEmpty(): void;
}

/** A list of items with sub-fields, each in its own numbered fieldset, added and removed with buttons. */
export class RowsWidget extends GrowingList<Row> {
  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { ordered: true, addText: '添加一项' });
    this.add.setAttribute('aria-label', `添加一项${field.label}`);
    const items = Array.isArray(this.initial) ? this.initial : [];
    for (const item of items) this.addRow(asObject(item));
    // A required list starts with one empty item to fill in.
    if (items.length === 0 && field.required) this.addRow({});
    this.connect();
  }

  protected addEmpty(): void {
    this.addRow({}).children.values().next().value?.focus();
  }

  private addRow(values: Values): Row {
    const index = this.rows.length;
    const item = element('li', 'row');
    const box = element('fieldset', 'row-fields');
    const legend = element('legend', 'row-legend');
    const children = buildChildren(this.field.fields ?? [], values, this.context, `${this.context.path}[${index}]`);
    const row: Row = { element: item, legend, remove: button('删除这一项', 'button-link row-remove', () => this.removeRow(row)), children };
    box.append(legend, ...[...children.values()].map((w) => w.element), row.remove);
    item.append(box);
    this.list.append(item);
    this.rows.push(row);
    this.number();
    return row;
  }

  private removeRow(row: Row): void {
    const index = this.rows.indexOf(row);
    this.rows.splice(index, 1);
    row.element.remove();
    this.number();
    (this.rows[index]?.remove ?? this.add).focus();
  }

  /** Numbers the items after an addition or removal: 第 1 项, 第 2 项 … */
  private number(): void {
    this.rows.forEach((row, index) => {
      row.legend.textContent = `${this.field.label} 第 ${index + 1} 项`;
      row.remove.setAttribute('aria-label', `删除这一项（${this.field.label}第 ${index + 1} 项）`);
    });
  }

  read(): Values[] {
    return this.rows.map((row) => readChildren(row.children));
  }

  protected inputs(): HTMLElement[] {
    return [];
  }

  override locate(segments: readonly (string | number)[]): Located {
    const [index, ...rest] = segments;
    const row = typeof index === 'number' ? this.rows[index] : undefined;
    if (!row) return { widget: this as Widget };
    const found = locateIn(row.children, this, rest);
    return found.widget === this ? { widget: this as Widget, item: index! } : found;
  }

  protected override markItem(item: number | string, on: boolean): void {
    if (typeof item === 'number') this.rows[item]?.element.classList.toggle('row-problem', on);
  }

  override focus(): void {
    const first = this.rows[0]?.children.values().next().value;
    if (first) first.focus();
    else this.add.focus();
  }
}

interface ScoreRow {
  element: HTMLElement;
  category: HTMLInputElement;
  points: HTMLInputElement;
}

/** Points by category: a category name and a number per row. */
export class ScoresWidget extends GrowingList<ScoreRow> {
  private readonly categories: readonly string[];
  private readonly suggestions: HTMLDataListElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { ordered: false, addText: '添加一个类别' });
    const entries = Object.entries(asObject(this.initial));
    // The site's point categories are offered by name; a new member gets a row for each.
    this.categories = field.categories ?? [];
    this.suggestions = element('datalist');
    this.suggestions.id = `${this.inputId}-categories`;
    for (const name of this.categories) this.suggestions.append(Object.assign(element('option'), { value: name }));
    this.element.append(this.suggestions);
    for (const [category, points] of entries) this.addRow(category, asText(points));
    if (entries.length === 0) for (const name of this.categories.length ? this.categories : ['']) this.addRow(name, '');
    this.connect();
  }

  protected addEmpty(): void {
    this.addRow('', '').category.focus();
  }

  private addRow(category: string, points: string): ScoreRow {
    const id = `${this.inputId}-${this.rows.length + 1}`;
    const item = element('li', 'score');
    const make = (suffix: string, label: string, value: string, numeric: boolean) => {
      const input = element('input', numeric ? 'input input-number' : 'input');
      Object.assign(input, { type: 'text', id: `${id}-${suffix}`, value, autocomplete: 'off' });
      if (numeric) input.inputMode = 'decimal';
      const text = element('label', 'part-unit', label);
      text.htmlFor = input.id;
      const box = element('span', 'part');
      box.append(text, input);
      item.append(box);
      return input;
    };
    const row: ScoreRow = { element: item, category: make('category', '类别', category, false), points: make('points', '分数', points, true) };
    row.category.setAttribute('list', this.suggestions.id);
    item.append(
      button('删除这个类别', 'button-link', () => {
        this.rows.splice(this.rows.indexOf(row), 1);
        item.remove();
        this.add.focus();
      }),
    );
    this.list.append(item);
    this.rows.push(row);
    return row;
  }

  read(): Record<string, string> {
    return Object.fromEntries(this.rows.filter((r) => r.category.value.trim()).map((r) => [r.category.value.trim(), r.points.value]));
  }

  protected inputs(): HTMLElement[] {
    return this.rows.flatMap((r) => [r.category, r.points]);
  }

  protected override markItem(item: number | string, on: boolean): void {
    this.rows.find((r) => r.category.value.trim() === item)?.element.classList.toggle('row-problem', on);
  }
}
