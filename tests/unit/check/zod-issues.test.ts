import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { describeField, translateIssue } from '../../../src/lib/check/zod-issues';
import { activitySchema } from '../../../src/schemas/activities';
import { honorSchema } from '../../../src/schemas/honors';
import { officerSchema } from '../../../src/schemas/officers';
import { siteConfigSchema } from '../../../src/schemas/site-config';
import { statSchema } from '../../../src/schemas/stats';
import { unitSchema } from '../../../src/schemas/units';
import { testContext } from '../helpers/schema-context';

/** Every issue of parsing `data`, translated. */
function translate(schema: z.ZodTypeAny, data: Record<string, unknown>) {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected the data to be invalid');
  return result.error.issues.map((issue) => translateIssue(issue, schema, data));
}

const officers = officerSchema(testContext);
const honors = honorSchema(testContext);
const officer = { name: '王祥', role: 'auxiliary', unit: 'dongjin', summary: '东进警务站辅警', consent: true };
const honor = { title: '个人三等功', scope: 'individual', awardedBy: '泰州市公安局', recipients: { officers: ['wang-xiang'] } };

describe('translateIssue', () => {
  it('names a missing required field, with its Chinese label, and says how to add it', () => {
    const { awardedBy: _missing, ...data } = honor;
    expect(translate(honors, data)).toEqual([
      {
        severity: 'error',
        code: 'required',
        field: 'awardedBy',
        message: '缺少必填字段 awardedBy（授予单位）',
        hint: '请添加一行 “awardedBy: …”，填写授予单位；字段名要与此处完全一致（区分大小写）',
      },
    ]);
  });

  it('reports a field written without a value (YAML null) as having no value', () => {
    expect(translate(officers, { ...officer, summary: null })).toMatchObject([
      { code: 'required', field: 'summary', value: 'null', message: 'summary（一句话简介） 没有值' },
    ]);
  });

  it('reports an empty text as empty, not as missing', () => {
    expect(translate(officers, { ...officer, name: '  ' })).toMatchObject([
      { code: 'required', field: 'name', message: 'name（姓名） 不能为空', hint: '请填写姓名，或删除这一行' },
    ]);
  });

  it('suggests the enum value a typo was meant to be, and lists the choices with their meaning', () => {
    expect(translate(officers, { ...officer, role: 'polise' })).toEqual([
      {
        severity: 'error',
        code: 'enum',
        field: 'role',
        value: 'polise',
        message: 'role（身份） 的取值 “polise” 无效',
        hint: '是不是想写 police？可选值：police（民警）、auxiliary（辅警）、other（队员）',
      },
    ]);
  });

  it('lists the choices without a guess when nothing is close', () => {
    const [problem] = translate(officers, { ...officer, role: '警察' });
    expect(problem?.hint).toBe('可选值：police（民警）、auxiliary（辅警）、other（队员）');
  });

  it('says the value to write when a choice is written as its Chinese label', () => {
    const [problem] = translate(officers, { ...officer, role: '辅警 ' });
    expect(problem).toMatchObject({ code: 'enum', field: 'role', message: 'role（身份） 的取值 “辅警 ” 无效', hint: '“辅警”要写成它的代号 auxiliary：role: auxiliary' });
  });

  it('suggests the right spelling of an unknown field (sumary → summary)', () => {
    const { summary, ...rest } = officer;
    const problems = translate(officers, { ...rest, sumary: summary });
    expect(problems).toContainEqual({
      severity: 'error',
      code: 'unknown-field',
      field: 'sumary',
      value: 'sumary',
      message: '有不认识的字段：sumary',
      hint: '可能是拼写错误：sumary → summary。字段名区分大小写',
    });
    // The real field is then missing too, and both are reported.
    expect(problems.map((p) => p.code).sort()).toEqual(['required', 'unknown-field']);
  });

  it('names an unknown field inside a nested object by its full path', () => {
    expect(translate(honors, { ...honor, recipients: { officer: ['wang-xiang'] } })).toContainEqual(
      expect.objectContaining({
        code: 'unknown-field',
        field: 'recipients.officer',
        message: 'recipients 中有不认识的字段：officer',
        hint: '可能是拼写错误：officer → officers。字段名区分大小写',
      }),
    );
  });

  it('lists the accepted fields when an unknown one resembles none', () => {
    const [problem] = translate(siteConfigSchema, { title: '荣誉榜', url: 'https://example.com', filing: { beian: 'x' } });
    expect(problem).toMatchObject({ code: 'unknown-field', field: 'filing.beian', hint: '请删除，或改为可用的字段：icp、psb、siteCode、badge、reminder' });
  });

  it('reports a photo without alt text with the alt-missing code and an example', () => {
    expect(translate(officers, { ...officer, photo: 'wang-xiang.png' })).toEqual([
      {
        severity: 'error',
        code: 'alt-missing',
        field: 'photoAlt',
        message: '填写了 photo，但缺少图片的文字说明 photoAlt',
        hint: '请添加 “photoAlt: …”：用一句话说明图片的内容，供看不见图片的读者使用，如 “民警在警务站前执勤”',
      },
    ]);
  });

  it('explains a wrong type in Chinese', () => {
    expect(translate(officers, { ...officer, consent: 'yes' })).toEqual([
      {
        severity: 'error',
        code: 'schema',
        field: 'consent',
        value: 'yes',
        message: 'consent（本人同意公开） 应为 true 或 false，这里写的是文字',
        hint: '只能写 true（是）或 false（否），不加引号',
      },
    ]);
  });

  it('explains an impossible partial date, quoting the field', () => {
    expect(translate(honors, { ...honor, date: '2020-13' })).toMatchObject([
      { code: 'date', field: 'date', value: '2020-13', message: 'date（授予日期）：月份 13 不存在（应为 1–12）' },
    ]);
  });

  it('explains an unreadable publishDate and says how to write one', () => {
    expect(translate(honors, { ...honor, publishDate: '下周一' })).toMatchObject([
      {
        code: 'date',
        field: 'publishDate',
        message: 'publishDate（发布时间） 不是有效的时间',
        hint: '应写成 2026-12-01 或 "2026-12-01 09:00" 这样的日期时间（北京时间）',
      },
    ]);
  });

  it.each([
    [{ recipients: {} }, 'recipients', 'recipients 为空：至少要填写 officers、units、others 或 count 中的一项'],
    [{ recipients: { officers: ['a'], units: ['b'] } }, 'recipients.units', 'scope 为 individual（个人荣誉），却填写了获奖单位 recipients.units'],
    [{ scope: 'collective' }, 'recipients', 'scope 为 collective（集体荣誉），但获奖者只有个人 recipients.officers'],
  ])('gives recipient problems the recipients code (%j)', (override, field, message) => {
    expect(translate(honors, { ...honor, ...override })).toMatchObject([{ code: 'recipients', field, message }]);
  });

  it('gives a duplicate metric key its own code and a hint', () => {
    const metric = { key: 'cases', label: '警情', value: 1, unit: '起' };
    const data = { title: 't', unit: 'u', period: { start: '2020', end: '2020' }, metrics: [metric, metric] };
    expect(translate(statSchema(testContext), data)).toMatchObject([
      { code: 'metric-duplicate', field: 'metrics[1].key', value: 'cases', hint: '同一期中每个 key 只能出现一次：合并这两项，或给其中一项换一个 key' },
    ]);
  });

  it('reports an activity without any date as a missing field', () => {
    const data = { title: '党课', kind: 'study', unit: 'u', summary: 's' };
    expect(translate(activitySchema(testContext), data)).toMatchObject([
      { code: 'required', field: 'date', message: '缺少日期：请填写 date（或跨多天时填写 start 和 end）' },
    ]);
  });

  it('reports a list that is too short', () => {
    const data = { title: 't', unit: 'u', period: { start: '2020', end: '2020' }, metrics: [] };
    expect(translate(statSchema(testContext), data)).toMatchObject([{ code: 'schema', field: 'metrics', message: 'metrics（数据项） 至少要有 1 项' }]);
  });

  it('says how long a text is, its limit and what to do, with its own code', () => {
    expect(translate(officers, { ...officer, summary: '长'.repeat(5_000_000) })).toMatchObject([
      { code: 'too-long', field: 'summary', message: 'summary（一句话简介） 太长（5,000,000 字，上限 300 字）', hint: '请缩短；详细内容写在正文中' },
    ]);
  });

  it('measures text as it is kept: without the spaces around it', () => {
    expect(officers.safeParse({ ...officer, name: `  ${'王'.repeat(32)}  ` }).success).toBe(true);
    expect(translate(officers, { ...officer, name: `  ${'王'.repeat(33)}  ` })).toMatchObject([{ message: 'name（姓名） 太长（33 字，上限 32 字）' }]);
  });

  it('names the item of a list that is too long', () => {
    expect(translate(honors, { ...honor, sources: [{ title: '报道' }, { title: '标'.repeat(121) }] })).toMatchObject([
      { code: 'too-long', field: 'sources[1].title', message: 'sources[1].title（来源标题） 太长（121 字，上限 120 字）' },
    ]);
  });

  it('says how many items a list has, its limit and what to do', () => {
    const tags = Array.from({ length: 25 }, (_, i) => `标签${i}`);
    expect(translate(officers, { ...officer, tags })).toMatchObject([
      { code: 'too-long', field: 'tags', message: 'tags（标签） 的项数太多（25 项，上限 20 项）', hint: '请只保留最主要的几项' },
    ]);
  });

  it('says a figure is too large and gives the limit', () => {
    const data = { title: 't', unit: 'u', period: { start: '2020', end: '2020' }, metrics: [{ key: 'k', label: '警情', value: 2e12, unit: '起' }] };
    expect(translate(statSchema(testContext), data)).toMatchObject([
      { code: 'schema', field: 'metrics[0].value', message: 'metrics[0].value（数值） 太大（2,000,000,000,000，上限 1,000,000,000,000）', hint: '请核对这个数字：不能超过一万亿' },
    ]);
  });

  it('names the first ten of many unknown fields, and counts them all', () => {
    const data = { ...officer, ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 'x'])) };
    const [problem] = translate(officers, data);
    expect(problem).toMatchObject({ code: 'unknown-field', message: '有不认识的字段：k0、k1、k2、k3、k4、k5、k6、k7、k8、k9、等 5,000 个' });
  });

  it('shortens a long offending value for display', () => {
    const [problem] = translate(officers, { ...officer, consent: 'x'.repeat(200) });
    expect(problem?.value).toHaveLength(78);
    expect(problem?.value?.endsWith('…')).toBe(true);
  });

  it('explains an invalid unit kind with every choice and its meaning', () => {
    expect(translate(unitSchema(testContext), { name: '东进警务站', kind: 'statoin' })).toEqual([
      {
        severity: 'error',
        code: 'enum',
        field: 'kind',
        value: 'statoin',
        message: 'kind（单位类型） 的取值 “statoin” 无效',
        hint:
          '是不是想写 station？可选值：detachment（支队）、brigade（大队）、squad（中队）、police-station（派出所）、station（警务站）、police-office（警务室）、fire-station（消防救援站）、department（科室）、ward（病区）、party-branch（党组织）、other（其他）',
      },
    ]);
  });
});

describe('describeField', () => {
  it.each<[(string | number)[], string | undefined]>([
    [['awardedBy'], '授予单位'],
    [['recipients'], '获奖者'],
    [['recipients', 'officers'], '获奖人物'],
    [['sources', 0, 'title'], '来源标题'],
    [['nothing'], undefined],
  ])('finds the Chinese label of %j through optional, default and refined wrappers', (path, label) => {
    expect(describeField(honors, path)).toBe(label);
  });
});
