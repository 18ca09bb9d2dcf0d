import { describe, expect, it } from 'vitest';
import { personId, titleId, uniqueId } from '../../src/lib/authoring/entry-id';

describe('personId', () => {
  it.each([
    ['王祥', 'wang-xiang'],
    ['刁爱清', 'diao-aiqing'],
    ['陈押林', 'chen-yalin'],
    ['张军强', 'zhang-junqiang'],
    // Surnames with a surname reading (多音字).
    ['单雄信', 'shan-xiongxin'],
    ['曾国藩', 'zeng-guofan'],
    ['仇英', 'qiu-ying'],
    ['解缙', 'xie-jin'],
    ['区华', 'ou-hua'],
    // Compound surnames.
    ['欧阳修', 'ouyang-xiu'],
    ['司马光', 'sima-guang'],
    // ü is written v, as pinyin input methods do.
    ['吕布', 'lv-bu'],
  ])('reads %s as %s', (name, id) => {
    expect(personId(name)).toBe(id);
  });

  it('drops characters it cannot read instead of failing (rare characters)', () => {
    expect(personId('王𠮷')).toBe('wang');
  });

  it('falls back to a plain slug for names that are not only Chinese', () => {
    expect(personId('Li Ming')).toBe('li-ming');
  });
});

describe('titleId', () => {
  it('writes every syllable as a word, cut to eight words', () => {
    expect(titleId('个人三等功')).toBe('ge-ren-san-deng-gong');
    expect(titleId('建国70周年大庆安保先进集体')).toBe('jian-guo-70-zhou-nian-da-qing-an');
  });

  it('reads 多音字 by their context where pinyin-pro knows the word', () => {
    expect(titleId('重庆')).toBe('chong-qing');
    expect(titleId('长安')).toBe('chang-an');
  });
});

describe('uniqueId', () => {
  it('adds -2, -3 … so an existing entry is never overwritten', () => {
    expect(uniqueId('wang-xiang', new Set(), 'officer')).toBe('wang-xiang');
    expect(uniqueId('wang-xiang', new Set(['wang-xiang']), 'officer')).toBe('wang-xiang-2');
    expect(uniqueId('wang-xiang', new Set(['wang-xiang', 'wang-xiang-2']), 'officer')).toBe('wang-xiang-3');
  });

  it('uses the fallback when the name gave no id', () => {
    expect(uniqueId('', new Set(['officer']), 'officer')).toBe('officer-2');
  });
});
