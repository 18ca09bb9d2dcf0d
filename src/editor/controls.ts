/**
 * Which control edits each kind of field, without any DOM: the form is drawn from the field
 * descriptions the server sends (`FormSchema`), and this table says, per `InputKind`, which widget
 * draws a field and how it is typed. It `satisfies Record<InputKind, …>`, so a kind added to
 * src/schemas/field.ts fails the typecheck until it has a control here.
 */
import type { InputKind } from '../schemas/field';

export interface ControlSpec {
  /** The widget of src/editor/widgets/ that draws the field. */
  widget: string;
  /** The keyboard a phone shows, and for a screen reader what is expected. */
  inputMode?: 'text' | 'url' | 'numeric' | 'decimal';
  /** Whether the browser should underline spelling: not for codes, addresses and numbers. */
  spellcheck?: boolean;
  /** Said after the field's own help, when the kind needs it. */
  note?: string;
}

/** The control of every kind of field: exactly the kinds, checked by `satisfies`. */
export const CONTROLS = {
  text: { widget: 'line' },
  longtext: { widget: 'textarea' },
  url: { widget: 'line', inputMode: 'url', spellcheck: false },
  alt: { widget: 'line', note: '上传了图片时必须填写' },
  key: { widget: 'line', spellcheck: false },
  choice: { widget: 'choice' },
  boolean: { widget: 'boolean' },
  reference: { widget: 'reference' },
  references: { widget: 'references' },
  date: { widget: 'date' },
  instant: { widget: 'instant', note: '不填时间即当天 0 点' },
  figure: { widget: 'number', inputMode: 'decimal', spellcheck: false, note: '全角数字也可以' },
  count: { widget: 'number', inputMode: 'numeric', spellcheck: false, note: '全角数字也可以' },
  figureOrText: { widget: 'line' },
  list: { widget: 'list', note: '每行写一项' },
  tags: { widget: 'tags' },
  image: { widget: 'image' },
  period: { widget: 'period' },
  month: { widget: 'month' },
  group: { widget: 'group' },
  rows: { widget: 'rows' },
  scores: { widget: 'scores' },
} as const satisfies Readonly<Record<InputKind, ControlSpec>>;

/** The widgets the table names; src/editor/widgets/index.ts must draw each of them. */
export type WidgetName = (typeof CONTROLS)[InputKind]['widget'];

/** The control of a kind the server names; an unknown kind (a newer server) is edited as one line. */
export function controlOf(kind: string): ControlSpec & { widget: WidgetName } {
  return Object.hasOwn(CONTROLS, kind) ? CONTROLS[kind as InputKind] : CONTROLS.text;
}
