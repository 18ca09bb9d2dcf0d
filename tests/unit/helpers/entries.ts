/**
 * Entries built from plain frontmatter-like objects and parsed by the real schemas, so publishing
 * and relations tests use exactly the shapes the build produces. Each builder fills in the
 * required fields; tests override only what matters to them.
 */
import type { z } from 'astro/zod';
import { activitySchema } from '../../../src/schemas/activities';
import { honorSchema } from '../../../src/schemas/honors';
import { letterSchema } from '../../../src/schemas/letters';
import { officerSchema } from '../../../src/schemas/officers';
import { pointsSchema } from '../../../src/schemas/points';
import { statSchema } from '../../../src/schemas/stats';
import { unitSchema } from '../../../src/schemas/units';
import { testContext } from './schema-context';

const schemas = {
  units: unitSchema(testContext),
  officers: officerSchema(testContext),
  honors: honorSchema(testContext),
  letters: letterSchema(testContext),
  stats: statSchema(testContext),
  activities: activitySchema(testContext),
  points: pointsSchema(testContext),
};

type Schemas = typeof schemas;
export type Data<K extends keyof Schemas> = z.output<Schemas[K]>;
export interface TestEntry<K extends keyof Schemas> {
  id: string;
  data: Data<K>;
}

type Fields = Record<string, unknown>;

function parse<K extends keyof Schemas>(collection: K, id: string, input: Fields): TestEntry<K> {
  const result = schemas[collection].safeParse(input);
  if (!result.success) {
    throw new Error(`test entry ${collection}/${id} does not match its schema:\n${JSON.stringify(result.error.issues, null, 2)}`);
  }
  return { id, data: result.data as Data<K> };
}

export const unit = (id: string, fields: Fields = {}) => parse('units', id, { name: `单位 ${id}`, kind: 'station', ...fields });

export const officer = (id: string, fields: Fields = {}) =>
  parse('officers', id, { name: `人物 ${id}`, role: 'police', unit: 'root', summary: '一句话简介', consent: true, ...fields });

export const honor = (id: string, fields: Fields = {}) =>
  parse('honors', id, { title: `荣誉 ${id}`, scope: 'individual', awardedBy: '某某公安局', recipients: { count: 1 }, ...fields });

export const letter = (id: string, fields: Fields = {}) =>
  parse('letters', id, { kind: 'letter', date: '2020-05', from: '市民李女士', to: { units: ['root'] }, summary: '感谢', ...fields });

export const stat = (id: string, fields: Fields = {}) =>
  parse('stats', id, {
    title: `数据 ${id}`,
    unit: 'root',
    period: { start: '2020-01', end: '2020-06' },
    metrics: [{ key: 'cases', label: '处置警情', value: 10, unit: '起' }],
    ...fields,
  });

/** A one-day activity in 2020-06, unless `start` is given. */
export const activity = (id: string, fields: Fields = {}) =>
  parse('activities', id, { title: `活动 ${id}`, kind: 'study', ...('start' in fields ? {} : { date: '2020-06' }), unit: 'root', summary: '简介', ...fields });

/** One unit's points for a month; `entries` as `{ officer: id, points: { 类别: n } }`. */
export const points = (id: string, fields: Fields = {}) =>
  parse('points', id, { unit: 'root', month: '2021-03', entries: [{ officer: 'a', points: { 志愿服务: 1 } }], ...fields });

/** A complete set of collections; anything not given is empty. */
export function collections(parts: {
  units?: TestEntry<'units'>[];
  officers?: TestEntry<'officers'>[];
  honors?: TestEntry<'honors'>[];
  letters?: TestEntry<'letters'>[];
  stats?: TestEntry<'stats'>[];
  activities?: TestEntry<'activities'>[];
  points?: TestEntry<'points'>[];
}) {
  return {
    units: parts.units ?? [],
    officers: parts.officers ?? [],
    honors: parts.honors ?? [],
    letters: parts.letters ?? [],
    stats: parts.stats ?? [],
    activities: parts.activities ?? [],
    points: parts.points ?? [],
  };
}
