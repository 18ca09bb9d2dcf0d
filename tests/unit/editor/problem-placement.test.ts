import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/check/problem';
import { placeProblem, sameFile } from '../../../src/editor/problems';
import type { Widget } from '../../../src/editor/widgets/field-widget';

/** A stand-in control that reports where it was asked to look. */
function stub(key: string, children: Record<string, Widget> = {}): Widget {
  const self: Widget = {
    field: { key, path: key, label: key, help: '', input: 'text', required: false },
    element: undefined as unknown as HTMLElement,
    read: () => '',
    locate: (segments) => {
      const [first, ...rest] = segments;
      const child = typeof first === 'string' ? children[first] : undefined;
      if (child) return child.locate(rest);
      return first === undefined ? { widget: self } : { widget: self, item: first };
    },
    showProblems: () => {},
    focus: () => {},
  };
  return self;
}

const problem = (field: string | undefined): Problem => ({ severity: 'error', code: 'schema', file: 'content/honors/x.md', message: '…', ...(field ? { field } : {}) });

describe('a problem finds the control of its field', () => {
  const officers = stub('officers');
  const widgets = new Map<string, Widget>([
    ['recipients', stub('recipients', { officers })],
    ['正文', stub('正文')],
  ]);

  it('through groups, marking the list item it names', () => {
    expect(placeProblem(widgets, problem('recipients.officers[0]'))).toMatchObject({ widget: officers, item: 0 });
    expect(placeProblem(widgets, problem('recipients'))).toMatchObject({ widget: widgets.get('recipients') });
  });

  it('the body as 正文, and nothing for several unknown fields or no field', () => {
    expect(placeProblem(widgets, problem('正文'))?.widget).toBe(widgets.get('正文'));
    expect(placeProblem(widgets, problem('foo、bar'))).toBeUndefined();
    expect(placeProblem(widgets, problem('foo'))).toBeUndefined();
    expect(placeProblem(widgets, problem(undefined))).toBeUndefined();
  });

  it('knows the entry’s file however the check names it', () => {
    expect(sameFile('/tmp/site/content/honors/x.md', 'content/honors/x.md')).toBe(true);
    expect(sameFile('src/content/honors/x.md', 'src/content/honors/x.md')).toBe(true);
    expect(sameFile('content/officers/x.md', 'content/honors/x.md')).toBe(false);
  });
});
