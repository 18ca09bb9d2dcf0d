/**
 * Builds the control of a field from its description: the kind's widget (src/editor/controls.ts)
 * drawn by its class here. `WIDGETS` is keyed by every widget name, so a widget added to the table
 * without a class here fails the typecheck.
 */
import { controlOf, type WidgetName } from '../controls';
import type { FormField } from '../form-api';
import { BooleanWidget, ChoiceWidget } from './choice';
import { DateWidget, InstantWidget, MonthWidget, PeriodWidget } from './date';
import type { Widget, WidgetContext } from './field-widget';
import { ImageWidget } from './image';
import { ReferenceWidget } from './reference';
import { GroupWidget, RowsWidget, ScoresWidget } from './repeat';
import { TagsWidget } from './tags';
import { LineWidget, TextareaWidget } from './text';

export type { Widget, WidgetContext } from './field-widget';
export { ImageWidget } from './image';

const WIDGETS: Readonly<Record<WidgetName, new (field: FormField, context: WidgetContext) => Widget>> = {
  line: LineWidget,
  number: LineWidget,
  textarea: TextareaWidget,
  list: TextareaWidget,
  choice: ChoiceWidget,
  boolean: BooleanWidget,
  reference: ReferenceWidget,
  references: ReferenceWidget,
  date: DateWidget,
  instant: InstantWidget,
  period: PeriodWidget,
  month: MonthWidget,
  tags: TagsWidget,
  image: ImageWidget,
  group: GroupWidget,
  rows: RowsWidget,
  scores: ScoresWidget,
};

/** The control of one field, sub-fields included. */
export function buildWidget(field: FormField, context: Omit<WidgetContext, 'build'>): Widget {
  return new WIDGETS[controlOf(field.input).widget](field, { ...context, build: buildWidget });
}
