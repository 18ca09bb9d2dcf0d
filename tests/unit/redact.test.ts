import { describe, expect, it } from 'vitest';
import { applyRedactions, fullNameIn, maskedAs, proposeRedactions } from '../../src/lib/redact';

describe('fullNameIn', () => {
  it.each([
    ['陈小红', '陈小红', '陈'],
    ['市民陈小红', '陈小红', '陈'],
    ['患者家属欧阳晓明', '欧阳晓明', '欧阳'],
    ['王 祥', '王祥', '王'],
  ])('finds the full name in %j', (from, name, surname) => {
    expect(fullNameIn(from)).toMatchObject({ name, surname });
  });

  it.each(['市民李女士', '群众（原文未载明姓名）', '东湖社区', '一位老人', '陈某', '市民王先生', '海陵区东湖小学', 'Li Ming'])('finds none in %j', (from) => {
    expect(fullNameIn(from)).toBeNull();
  });
});

describe('maskedAs', () => {
  it.each([
    ['mobile', '１３９ １２３４ ５６７８', '139****5678'],
    ['mobile', '+86 139-1234-5678', '139****5678'],
    ['mobile-chinese', '一三九一二三四五六七八', '139****5678'],
    ['landline', '0571-87654321', '0571-****4321'],
    ['landline', '（010）6512 3456', '010-****3456'],
    ['id-card', '321202198001010020', '321***********0020'],
    ['email', 'li.ming@example.com', 'l***@example.com'],
    ['address', '东湖路88号3幢201室', '东湖路**号**幢**室'],
  ] as const)('masks a %s as the clerk would', (kind, value, masked) => {
    expect(maskedAs(kind, value)).toBe(masked);
  });
});

describe('proposeRedactions', () => {
  const letter = [
    '---',
    'from: 市民陈小红',
    'summary: 感谢民警帮她找回走失的母亲。',
    '---',
    '我叫陈小红，家住东湖路88号，电话１３９ １２３４ ５６７８，座机0523-86881234，邮箱chen@example.com。',
    '我8岁的女儿在实验小学读书。',
    '陈小红',
  ].join('\n');

  it('masks every number, the address and the writer’s name, and leaves the rest as written', () => {
    const redacted = applyRedactions(letter, proposeRedactions(letter, { from: '市民陈小红' }));
    expect(redacted).toBe(
      [
        '---',
        'from: 市民陈女士',
        'summary: 感谢民警帮她找回走失的母亲。',
        '---',
        '我叫陈女士，家住东湖路**号，电话139****5678，座机0523-****1234，邮箱c***@example.com。',
        '我8岁的女儿在实验小学读书。',
        '陈女士',
      ].join('\n'),
    );
  });

  it('leaves the unit’s own allow-listed number alone', () => {
    const text = '值班电话 0523-86881234，本人电话 13912345678';
    expect(applyRedactions(text, proposeRedactions(text, { allow: ['0523 8688 1234'] }))).toBe('值班电话 0523-86881234，本人电话 139****5678');
  });

  it('proposes nothing for a letter already redacted', () => {
    const text = '---\nfrom: 市民李女士\n---\n电话139****5678，家住东湖路**号。';
    expect(proposeRedactions(text, { from: '市民李女士' })).toEqual([]);
  });

  it('says 某 when the letter does not tell whether the writer is a woman or a man', () => {
    expect(applyRedactions('张伟', proposeRedactions('张伟', { from: '张伟' }))).toBe('张某');
  });
});
