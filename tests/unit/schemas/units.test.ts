import { describe, expect, it } from 'vitest';
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
});
