import { describe, expect, it } from 'vitest';
import {
  cleanAnswer,
  KIND_LABEL_FIELD,
  kindFromName,
  kindMenu,
  OTHER_KIND,
  QUESTIONS,
  readAnswer,
  shortNameFrom,
  UNIT_KIND_CHOICES,
  type AnswerKey,
  type InitAnswers,
} from '../../src/lib/authoring/init-answers';
import { describeCollection } from '../../src/schemas/index';

const question = (key: AnswerKey) => QUESTIONS.find((q) => q.key === key)!;
const read = (key: AnswerKey, typed: string | undefined, answers: InitAnswers = { name: '泰州市公安局海陵分局东湖派出所' }) => readAnswer(question(key), typed, answers);

describe('the questions of npm run init', () => {
  it('offers the unit kinds of the schema, whatever they are, numbered in its order', () => {
    const kind = describeCollection('units').find((f) => f.key === 'kind')!;
    expect(UNIT_KIND_CHOICES).toEqual(kind.doc.choices);
    expect(kindMenu()).toEqual(Object.entries(kind.doc.choices!).map(([value, label], i) => `${i + 1}. ${label}（${value}）`));
    expect(Object.keys(UNIT_KIND_CHOICES)).toContain(OTHER_KIND);
  });

  it('asks for the unit’s own word for its kind only when the schema has one, and only after 其他', () => {
    const asked = QUESTIONS.find((q) => q.key === 'kindLabel');
    expect(Boolean(asked)).toBe(Boolean(KIND_LABEL_FIELD));
    if (asked) {
      expect(asked.applies({ kind: OTHER_KIND })).toBe(true);
      expect(asked.applies({ kind: Object.keys(UNIT_KIND_CHOICES)[0]! })).toBe(false);
    }
  });

  it('labels each question with the field’s own label', () => {
    expect(question('name').label).toBe('单位全称');
    expect(question('themeColor').label).toBe('主题色');
    expect(question('siteCode').label).toBe('网站标识码');
  });
});

describe('cleanAnswer', () => {
  it('removes what Word and WeChat paste invisibly, and makes every space one plain space', () => {
    expect(cleanAnswer('\u00a0东湖\u200b派出所\u3000（社区）\r')).toBe('东湖派出所 （社区）');
  });

  it('folds full-width letters, digits and signs from a Chinese IME in codes, not in names', () => {
    expect(cleanAnswer('＃１Ｆ４Ｅ９Ｃ', { codes: true })).toBe('#1F4E9C');
    expect(cleanAnswer('东湖派出所（一所）')).toBe('东湖派出所（一所）');
  });
});

describe('readAnswer', () => {
  it('requires the name, saying what to write', () => {
    expect(read('name', undefined, {})).toEqual({ ok: false, problem: { message: '单位全称必须填写', hint: question('name').help } });
    expect(read('name', '\u3000 \u200b', {})).toMatchObject({ ok: false, problem: { message: '单位全称必须填写' } });
  });

  it('refuses a name the check would refuse, in the check’s words', () => {
    expect(read('name', '东'.repeat(61), {})).toMatchObject({ ok: false, problem: { message: 'name（单位全称） 太长（61 字，上限 60 字）' } });
  });

  it('proposes the short name, the kind and the title from the full name', () => {
    expect(shortNameFrom('泰州市公安局海陵分局东湖派出所')).toBe('东湖派出所');
    expect(shortNameFrom('东湖派出所')).toBeUndefined();
    expect(read('shortName', '')).toEqual({ ok: true, value: '东湖派出所' });
    expect(read('title', '', { name: '泰州市公安局海陵分局东湖派出所', shortName: '东湖派出所' })).toEqual({ ok: true, value: '东湖派出所荣誉榜' });
    const [value, label] = Object.entries(UNIT_KIND_CHOICES).find(([v]) => v !== OTHER_KIND)!;
    expect(kindFromName(`海陵${label}`)).toBe(value);
    expect(read('kind', '', { name: `海陵${label}` })).toEqual({ ok: true, value });
    expect(read('kind', '', { name: '不像任何类型的名字' })).toEqual({ ok: true, value: OTHER_KIND });
  });

  it('reads a kind by its number (full-width too), its value or its label', () => {
    const entries = Object.entries(UNIT_KIND_CHOICES);
    expect(read('kind', '１')).toEqual({ ok: true, value: entries[0]![0] });
    expect(read('kind', entries[1]![0])).toEqual({ ok: true, value: entries[1]![0] });
    expect(read('kind', entries[1]![1])).toEqual({ ok: true, value: entries[1]![0] });
  });

  it('refuses a kind number out of range, naming the choices', () => {
    const reading = read('kind', String(Object.keys(UNIT_KIND_CHOICES).length + 1));
    expect(reading).toMatchObject({ ok: false, problem: { message: `“${Object.keys(UNIT_KIND_CHOICES).length + 1}”不是可选的单位类型` } });
    expect(!reading.ok && reading.problem.hint).toContain(`请输入编号（1–${Object.keys(UNIT_KIND_CHOICES).length}）或类型名称：`);
  });

  it('takes a kind of the unit’s own (派出所) as 其他 with that word when the schema has kindLabel, and as a mistake otherwise', () => {
    const own = '某某所';
    const reading = read('kind', own);
    if (KIND_LABEL_FIELD) expect(reading).toEqual({ ok: true, value: OTHER_KIND, also: { kindLabel: own } });
    else expect(reading).toMatchObject({ ok: false, problem: { message: `“${own}”不是可选的单位类型` } });
  });

  it('refuses a colour the config refuses, in the check’s words, and reads one typed without # or in full width', () => {
    expect(read('themeColor', 'red')).toMatchObject({ ok: false, problem: { message: 'themeColor（主题色）：应为 # 加 6 位十六进制颜色，如 #1f4e9c' } });
    expect(read('themeColor', 'b22222')).toEqual({ ok: true, value: '#b22222' });
    expect(read('themeColor', '＃Ｂ２２２２２')).toEqual({ ok: true, value: '#B22222' });
    expect(read('themeColor', '')).toEqual({ ok: true, value: '#1f4e9c' });
  });

  it('reads a theme preset named in Chinese as its colour', () => {
    expect(read('themeColor', '党建红')).toEqual({ ok: true, value: '#c8161d' });
    expect(read('themeColor', '素雅灰')).toEqual({ ok: true, value: '#44505c' });
  });

  it('refuses an address without http(s)://, and splits one with a path into the address and the sub-path', () => {
    expect(read('url', 'www.example.gov.cn')).toMatchObject({
      ok: false,
      problem: { message: 'url（网站地址）：应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn' },
    });
    expect(read('url', 'https://www.example.gov.cn/')).toEqual({ ok: true, value: 'https://www.example.gov.cn' });
    expect(read('url', 'https：／／www.example.gov.cn／rongyu／')).toEqual({ ok: true, value: 'https://www.example.gov.cn', also: { base: '/rongyu/' } });
    expect(read('url', '')).toEqual({ ok: true, value: 'https://example.com' });
    expect(read('url', 'https://www.example.gov.cn/rongyu')).toEqual({ ok: true, value: 'https://www.example.gov.cn', also: { base: '/rongyu/' } });
  });

  it('writes the sub-path as the config does, and refuses one that contradicts the address', () => {
    expect(read('base', 'rongyu')).toEqual({ ok: true, value: '/rongyu/' });
    expect(read('base', '')).toEqual({ ok: true, value: '/' });
    expect(read('base', '/荣誉 榜/')).toMatchObject({ ok: false, problem: { message: 'base（子路径）：只能包含字母、数字、-、_ 和 /，如 /rongyu/' } });
    expect(read('base', '', { base: '/rongyu/' })).toEqual({ ok: true, value: '/rongyu/' });
    expect(read('base', '/', { base: '/rongyu/' })).toMatchObject({ ok: false, problem: { message: '网站地址中已有子路径 /rongyu/，与这里的 / 不一致' } });
    expect(read('base', 'rongyu', { base: '/rongyu/' })).toEqual({ ok: true, value: '/rongyu/' });
  });

  it('leaves the filing numbers out on Enter and keeps an all-digit 网站标识码 as text', () => {
    expect(read('icp', '')).toEqual({ ok: true, value: undefined });
    expect(read('siteCode', '３２１２０００００１')).toEqual({ ok: true, value: '3212000001' });
    expect(read('psb', ' 苏公网安备\u00a032120202000123号 ')).toEqual({ ok: true, value: '苏公网安备 32120202000123号' });
  });

  it('asks for the footer’s 主办单位 and 联系方式 in the config’s words, each optional', () => {
    expect(['organizer', 'phone', 'address', 'email'].map((key) => question(key as AnswerKey).label)).toEqual(['主办单位', '联系电话', '联系地址', '电子邮箱']);
    // The config's own help, which says that a personal mobile does not belong here.
    expect(question('phone').help).toMatch(/^选填，本单位对外公布的电话.*不要填个人手机.*，如 0523-86881234$/);
    for (const key of ['organizer', 'phone', 'address', 'email'] as const) expect(read(key, '')).toEqual({ ok: true, value: undefined });
  });

  it('reads a phone and a mailbox typed in full width or pasted from WeChat as meant, and keeps an address’s brackets', () => {
    expect(read('phone', '０５２３－８６８８１２３４')).toEqual({ ok: true, value: '0523-86881234' });
    expect(read('phone', '\u200b0523-86881234、110\u00a0')).toEqual({ ok: true, value: '0523-86881234、110' });
    expect(read('email', 'xxzx＠example．gov．cn')).toEqual({ ok: true, value: 'xxzx@example.gov.cn' });
    expect(read('address', '海陵区　鼓楼路（东湖派出所）')).toEqual({ ok: true, value: '海陵区 鼓楼路（东湖派出所）' });
    expect(read('organizer', '泰州市公安局海陵分局')).toEqual({ ok: true, value: '泰州市公安局海陵分局' });
  });

  it('refuses a phone or a mailbox the config refuses, in the check’s words', () => {
    const phone = read('phone', '值班室');
    expect(phone.ok).toBe(false);
    expect(!phone.ok && phone.problem.message).toMatch(/联系电话.*应为本单位对外公布的电话号码/);
    expect(!phone.ok && phone.problem.hint).toBe(question('phone').help);
    const email = read('email', 'xxzx at example.gov.cn');
    expect(!email.ok && email.problem.message).toMatch(/电子邮箱.*应为一个电子邮箱地址/);
  });
});
