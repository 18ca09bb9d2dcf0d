import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROLS, controlOf } from '../../../src/editor/controls';
import { flattenFields, type InputKind } from '../../../src/schemas/field';
import { COLLECTION_NAMES, describeCollection } from '../../../src/schemas/index';

/** The members of the `InputKind` union, read from its declaration in src/schemas/field.ts. */
function declaredKinds(): string[] {
  const source = readFileSync(new URL('../../../src/schemas/field.ts', import.meta.url), 'utf8');
  const union = /export type InputKind =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

// At compile time too: the table `satisfies Record<InputKind, …>`, so a kind missing or extra is a type error.
const everyKind: readonly InputKind[] = Object.keys(CONTROLS) as InputKind[];

describe('the editor’s control table', () => {
  it('has a control for exactly the input kinds of the field descriptions', () => {
    expect(declaredKinds().length).toBeGreaterThan(10);
    expect([...everyKind].sort()).toEqual(declaredKinds().sort());
  });

  it('covers every kind a collection’s fields use', () => {
    const used = new Set(COLLECTION_NAMES.flatMap((c) => flattenFields(describeCollection(c)).map((f) => f.doc.input)));
    for (const kind of used) expect(Object.keys(CONTROLS), kind).toContain(kind);
  });

  it('edits a kind it does not know (a newer server) as one line of text', () => {
    expect(controlOf('hologram')).toBe(CONTROLS.text);
    expect(controlOf('toString')).toBe(CONTROLS.text);
  });

  it('sends numbers as typed, full-width digits included, and asks for a number keyboard', () => {
    expect(CONTROLS.figure).toMatchObject({ widget: 'number', inputMode: 'decimal' });
    expect(CONTROLS.count).toMatchObject({ widget: 'number', inputMode: 'numeric' });
  });
});
