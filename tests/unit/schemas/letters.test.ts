import { describe, expect, it } from 'vitest';
import { letterSchema } from '../../../src/schemas/letters';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = letterSchema(testContext);
const banner = { kind: 'banner', date: '2020-06', from: '市民李女士', to: { officers: ['zhang-junqiang'] }, summary: '送来锦旗' };

describe('letter schema', () => {
  it('parses a banner and fills the other addressee list with an empty list', () => {
    expect(dataOf(schema.safeParse({ ...banner, inscription: '拾金不昧 品德高尚' }))).toEqual({
      kind: 'banner',
      date: { year: 2020, month: 6, day: null, key: '2020-06' },
      from: '市民李女士',
      to: { officers: [{ collection: 'officers', id: 'zhang-junqiang' }], units: [] },
      inscription: '拾金不昧 品德高尚',
      summary: '送来锦旗',
      draft: false,
      visibility: 'public',
      sources: [],
    });
  });

  it('rejects a letter addressed to no one', () => {
    expect(issuesOf(schema.safeParse({ ...banner, to: {} }))).toEqual([
      { path: 'to', code: 'custom', message: 'to 为空：至少要填写 officers 或 units 中的一项' },
    ]);
  });

  it('requires a date, since a letter is always filed on a day', () => {
    const { date: _date, ...undated } = banner;
    expect(issuesOf(schema.safeParse(undated))).toMatchObject([{ path: 'date', code: 'invalid_union' }]);
  });

  it('rejects a scan without scanAlt', () => {
    expect(issuesOf(schema.safeParse({ ...banner, scan: 'banner.jpg' }))).toEqual([
      { path: 'scanAlt', code: 'custom', message: '填写了 scan，但缺少图片的文字说明 scanAlt' },
    ]);
  });

  it('rejects an unknown kind and an unknown field', () => {
    expect(issuesOf(schema.safeParse({ ...banner, kind: 'flag' }))).toMatchObject([{ path: 'kind', code: 'invalid_enum_value' }]);
    expect(issuesOf(schema.safeParse({ ...banner, sender: '李女士' }))).toMatchObject([{ path: '', code: 'unrecognized_keys' }]);
  });
});
