/**
 * Dates as the records know them: a partial date (年 / 年月 / 年月日, giving `2019`, `2020-04` or
 * `2020-06-18`), a moment (a day and an optional time: `2026-12-01 09:00`), a points period
 * (年度 / 季度 / 月份) and a month. Each part is its own small input with its unit after it
 * (2020 年 4 月 18 日), accepting full-width digits; the server checks the result, so an
 * impossible date is reported next to the field in the check's words.
 */
import { element } from '../dom';
import type { FormField } from '../form-api';
import { joinInstant, joinMonth, joinPartialDate, joinPeriod, splitInstant, splitPartialDate, splitPeriod, type DatePrecision, type PeriodKind } from '../values';
import { FieldWidget, type WidgetContext } from './field-widget';

/** A short input for a number, labelled by the unit written after it: [2020] 年. */
function part(id: string, value: string, unit: string, { digits }: { digits: number }): { box: HTMLElement; input: HTMLInputElement } {
  const input = element('input', `input input-part input-part-${digits}`);
  Object.assign(input, { type: 'text', id, value, autocomplete: 'off', spellcheck: false, inputMode: 'numeric' });
  const label = element('label', 'part-unit', unit);
  label.htmlFor = id;
  const box = element('span', 'part');
  box.append(input, label);
  return { box, input };
}

/** Radio buttons choosing how precise a value is; calls `onChange` with the chosen value. */
function precisionChoice<T extends string>(name: string, legend: string, options: readonly [T, string][], current: T, onChange: (value: T) => void): HTMLElement {
  const box = element('div', 'precision');
  box.setAttribute('role', 'radiogroup');
  box.setAttribute('aria-label', legend);
  box.append(element('span', 'precision-label', `${legend}：`));
  options.forEach(([value, label], index) => {
    const radio = element('input');
    Object.assign(radio, { type: 'radio', name, id: `${name}-${index}`, value, checked: value === current });
    radio.addEventListener('change', () => radio.checked && onChange(value));
    const text = element('label', 'choice', undefined);
    text.htmlFor = radio.id;
    text.append(radio, ' ', label);
    box.append(text);
  });
  return box;
}

const PRECISIONS: readonly [DatePrecision, string][] = [
  ['year', '年'],
  ['month', '年月'],
  ['day', '年月日'],
];

/** The year, month and day inputs of a date. */
function dateParts(id: string, value: { year: string; month: string; day: string }) {
  const year = part(id, value.year, '年', { digits: 4 });
  const month = part(`${id}-month`, value.month, '月', { digits: 2 });
  const day = part(`${id}-day`, value.day, '日', { digits: 2 });
  const row = element('div', 'parts');
  row.append(year.box, month.box, day.box);
  return { row, year, month, day };
}

/** A date known to the year, the month or the day. */
export class DateWidget extends FieldWidget {
  private precision: DatePrecision;
  private readonly parts: ReturnType<typeof dateParts>;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { grouped: true });
    const value = splitPartialDate(this.initial);
    this.precision = value.precision;
    this.parts = dateParts(this.inputId, value);
    const choice = precisionChoice(`${this.inputId}-precision`, '精确到', PRECISIONS, this.precision, (next) => {
      this.precision = next;
      this.showParts();
    });
    this.body.append(choice, this.parts.row);
    this.showParts();
    this.connect();
  }

  private showParts(): void {
    this.parts.month.box.hidden = this.precision === 'year';
    this.parts.day.box.hidden = this.precision !== 'day';
  }

  read(): string {
    const { year, month, day } = this.parts;
    return joinPartialDate({ precision: this.precision, year: year.input.value, month: month.input.value, day: day.input.value });
  }

  protected inputs(): HTMLElement[] {
    const { year, month, day } = this.parts;
    return [year.input, month.input, day.input];
  }

  override focus(): void {
    this.parts.year.input.focus();
  }
}

/** A day with an optional time of day (北京时间). */
export class InstantWidget extends FieldWidget {
  private readonly parts: ReturnType<typeof dateParts>;
  private readonly time: HTMLInputElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { grouped: true });
    const value = splitInstant(this.initial);
    this.parts = dateParts(this.inputId, value.date);
    const time = element('input', 'input input-part input-part-5');
    Object.assign(time, { type: 'text', id: `${this.inputId}-time`, value: value.time, autocomplete: 'off', spellcheck: false });
    const label = element('label', 'part-unit', '时间（可不填，如 09:00）');
    label.htmlFor = time.id;
    const box = element('span', 'part');
    box.append(label, time);
    this.parts.row.append(box);
    this.time = time;
    this.body.append(this.parts.row);
    this.connect();
  }

  read(): string {
    const { year, month, day } = this.parts;
    return joinInstant({ date: { precision: 'day', year: year.input.value, month: month.input.value, day: day.input.value }, time: this.time.value });
  }

  protected inputs(): HTMLElement[] {
    const { year, month, day } = this.parts;
    return [year.input, month.input, day.input, this.time];
  }
}

const PERIOD_KINDS: readonly [PeriodKind, string][] = [
  ['year', '年度'],
  ['quarter', '季度'],
  ['month', '月份'],
];

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** A points period: a year, a quarter or a month. */
export class PeriodWidget extends FieldWidget {
  private kind: PeriodKind;
  private readonly year: ReturnType<typeof part>;
  private readonly quarter: HTMLSelectElement;
  private readonly quarterBox: HTMLElement;
  private readonly month: ReturnType<typeof part>;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { grouped: true });
    const value = splitPeriod(this.initial);
    this.kind = value.kind;
    const choice = precisionChoice(`${this.inputId}-kind`, '期间', PERIOD_KINDS, this.kind, (next) => {
      this.kind = next;
      this.showParts();
    });
    this.year = part(this.inputId, value.year, '年', { digits: 4 });
    this.quarter = element('select', 'input');
    this.quarter.id = `${this.inputId}-quarter`;
    this.quarter.append(...QUARTERS.map((label, index) => new Option(label, String(index + 1))));
    this.quarter.value = value.quarter || '1';
    const quarterLabel = element('label', 'sr-only', '季度');
    quarterLabel.htmlFor = this.quarter.id;
    this.quarterBox = element('span', 'part');
    this.quarterBox.append(quarterLabel, this.quarter);
    this.month = part(`${this.inputId}-month`, value.month, '月', { digits: 2 });
    const row = element('div', 'parts');
    row.append(this.year.box, this.quarterBox, this.month.box);
    this.body.append(choice, row);
    this.showParts();
    this.connect();
  }

  private showParts(): void {
    this.quarterBox.hidden = this.kind !== 'quarter';
    this.month.box.hidden = this.kind !== 'month';
  }

  read(): string {
    return joinPeriod({ kind: this.kind, year: this.year.input.value, quarter: this.quarter.value, month: this.month.input.value });
  }

  protected inputs(): HTMLElement[] {
    return [this.year.input, this.quarter, this.month.input];
  }
}

/** A month: 2021 年 3 月 → `2021-03`. */
export class MonthWidget extends FieldWidget {
  private readonly year: ReturnType<typeof part>;
  private readonly month: ReturnType<typeof part>;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context, { grouped: true });
    const value = splitPeriod(this.initial);
    this.year = part(this.inputId, value.year, '年', { digits: 4 });
    this.month = part(`${this.inputId}-month`, value.month, '月', { digits: 2 });
    const row = element('div', 'parts');
    row.append(this.year.box, this.month.box);
    this.body.append(row);
    this.connect();
  }

  read(): string {
    return joinMonth(this.year.input.value, this.month.input.value);
  }

  protected inputs(): HTMLElement[] {
    return [this.year.input, this.month.input];
  }
}
