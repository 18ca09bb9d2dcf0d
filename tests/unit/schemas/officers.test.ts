import { describe, expect, it } from 'vitest';
import { officerSchema } from '../../../src/schemas/officers';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = officerSchema(testContext);
const minimal = { name: '王祥', role: 'auxiliary', unit: 'dongjin', summary: '东进警务站辅警' };

describe('officer schema', () => {
  it('parses a minimal profile: no consent, not featured, empty tags and aliases', () => {
    expect(dataOf(schema.safeParse(minimal))).toEqual({
      name: '王祥',
      role: 'auxiliary',
      unit: { collection: 'units', id: 'dongjin' },
      summary: '东进警务站辅警',
      tags: [],
      aliases: [],
      featured: false,
      consent: false,
      draft: false,
      visibility: 'public',
      sources: [],
    });
  });

  it('parses a full profile', () => {
    const data = dataOf(
      schema.safeParse({
        ...minimal,
        title: '站长',
        partyMember: true,
        photo: 'wang-xiang.png',
        photoAlt: '民警在警务站前执勤',
        tags: ['见义勇为'],
        aliases: ['东进警务站辅警'],
        featured: true,
        consent: true,
        sources: [{ title: '泰州日报', url: 'https://example.com/a', date: '2020-07-13' }],
      }),
    );
    expect(data).toMatchObject({ title: '站长', partyMember: true, consent: true, featured: true, tags: ['见义勇为'] });
    expect(data.sources[0]?.date).toEqual({ year: 2020, month: 7, day: 13, key: '2020-07-13' });
  });

  it('rejects a photo without photoAlt', () => {
    expect(issuesOf(schema.safeParse({ ...minimal, photo: 'wang-xiang.png' }))).toEqual([
      { path: 'photoAlt', code: 'custom', message: '填写了 photo，但缺少图片的文字说明 photoAlt' },
    ]);
  });

  it.each([
    [{ role: 'polise' }, 'role', 'invalid_enum_value'],
    [{ consent: 'yes' }, 'consent', 'invalid_type'],
    [{ unit: undefined }, 'unit', 'invalid_type'],
    [{ summary: '' }, 'summary', 'too_small'],
    [{ tags: ['见义勇为', ' '] }, 'tags.1', 'too_small'],
    [{ sources: [{ title: '报道', url: 'example.com' }] }, 'sources.0.url', 'invalid_string'],
  ])('rejects %j at %s', (override, path, code) => {
    expect(issuesOf(schema.safeParse({ ...minimal, ...override }))).toMatchObject([{ path, code }]);
  });

  it('rejects an unknown field such as a misspelt summary', () => {
    const issues = issuesOf(schema.safeParse({ ...minimal, sumary: 'x' }));
    expect(issues).toMatchObject([{ code: 'unrecognized_keys', path: '' }]);
  });
});
