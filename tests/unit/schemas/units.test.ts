import { describe, expect, it } from 'vitest';
import { UNIT_KINDS, unitKindLabel } from '../../../src/lib/labels';
import { unitSchema } from '../../../src/schemas/units';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = unitSchema(testContext);

describe('unit schema', () => {
  it('parses the site’s own unit and fills in the defaults', () => {
    expect(dataOf(schema.safeParse({ name: '  海陵巡特警大队  ', kind: 'brigade' }))).toEqual({
      name: '海陵巡特警大队',
      kind: 'brigade',
      services: [],
      draft: false,
      visibility: 'public',
      sources: [],
    });
  });

  it('turns parent into a reference to the units collection', () => {
    const data = dataOf(schema.safeParse({ name: '东进警务站', kind: 'station', parent: 'hailing-xuntejing' }));
    expect(data.parent).toEqual({ collection: 'units', id: 'hailing-xuntejing' });
  });

  it('accepts a photo together with its alt text', () => {
    const data = dataOf(schema.safeParse({ name: '东进警务站', kind: 'station', photo: 'dongjin.jpg', photoAlt: '警务站外景' }));
    expect(data).toMatchObject({ photo: 'dongjin.jpg', photoAlt: '警务站外景' });
  });

  it('rejects a photo without photoAlt, pointing at photoAlt', () => {
    expect(issuesOf(schema.safeParse({ name: '东进警务站', kind: 'station', photo: 'dongjin.jpg' }))).toEqual([
      { path: 'photoAlt', code: 'custom', message: '填写了 photo，但缺少图片的文字说明 photoAlt' },
    ]);
  });

  it('rejects an unknown kind', () => {
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'bureau' }))).toMatchObject([{ path: 'kind', code: 'invalid_enum_value' }]);
  });

  it('rejects an unknown field (.strict) so a typo is not silently ignored', () => {
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'station', sumary: '简介' }))).toMatchObject([{ path: '', code: 'unrecognized_keys' }]);
  });

  it('rejects an empty name', () => {
    expect(issuesOf(schema.safeParse({ name: '   ', kind: 'station' }))).toMatchObject([{ path: 'name', code: 'too_small' }]);
  });

  it.each(['brigade', 'squad', 'station', 'party-branch', 'other'])('still accepts the kind %s that existing content uses', (kind) => {
    expect(dataOf(schema.safeParse({ name: 'x', kind })).kind).toBe(kind);
  });

  it.each<[string, string]>([
    ['police-station', '派出所'],
    ['police-office', '警务室'],
    ['detachment', '支队'],
    ['department', '科室'],
    ['fire-station', '消防救援站'],
    ['ward', '病区'],
  ])('accepts the kind %s, shown as %s', (kind, label) => {
    const data = dataOf(schema.safeParse({ name: '城东派出所', kind }));
    expect(unitKindLabel(data)).toBe(label);
  });
});

describe('kindLabel, the unit’s own word for its kind', () => {
  it('is shown instead of the kind’s label', () => {
    const data = dataOf(schema.safeParse({ name: '城东社区警务队', kind: 'other', kindLabel: '社区警务队' }));
    expect(unitKindLabel(data)).toBe('社区警务队');
    expect(unitKindLabel({ kind: 'other' })).toBe(UNIT_KINDS.other);
  });

  it.each<[string, string]>([
    ['full-width spaces around it (a Chinese IME)', '\u3000社区警务队\u3000'],
    ['a no-break space pasted from Word', '\u00a0社区警务队'],
    ['a zero-width space pasted from WeChat', '社区\u200b警务队\u200b'],
    ['a byte-order mark and a zero-width joiner', '\ufeff社区警务\u200d队'],
    ['a tab and spaces', '\t 社区警务队 '],
  ])('drops %s', (_what, written) => {
    expect(dataOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: written })).kindLabel).toBe('社区警务队');
  });

  it('refuses a label of invisible characters only, as empty', () => {
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: '\u200b\u3000' }))).toMatchObject([{ path: 'kindLabel', code: 'too_small' }]);
  });

  it.each([['a line break', '社区\n警务队'], ['a Windows line break', '社区\r\n警务队'], ['a line separator', '社区\u2028警务队']])('refuses %s inside', (_what, written) => {
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: written }))).toEqual([{ path: 'kindLabel', code: 'custom', message: '只能写一行，请去掉换行' }]);
  });

  it('refuses a label longer than a kind’s word, saying what to write', () => {
    expect(dataOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: '字'.repeat(12) })).kindLabel).toHaveLength(12);
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: '字'.repeat(13) }))).toMatchObject([
      { path: 'kindLabel', code: 'too_big', message: '请缩短：只写类型的叫法，如 社区警务队；说明写在简介中' },
    ]);
  });

  it('is a word, not a number or a list', () => {
    expect(issuesOf(schema.safeParse({ name: 'x', kind: 'other', kindLabel: 110 }))).toMatchObject([{ path: 'kindLabel', code: 'invalid_type' }]);
  });
});
