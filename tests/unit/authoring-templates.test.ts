import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newEntryText } from '../../src/lib/authoring/templates';

const frontmatter = (text: string) => parse(text.split('---')[1]!) as Record<string, unknown>;

describe('newEntryText', () => {
  it('leaves an honour without a date undated (listed under 日期未注明), with the field as a comment', () => {
    const text = newEntryText('honor', { name: '个人嘉奖', officer: ['wang-xiang'] }, '2026-01-01');
    expect(frontmatter(text)).not.toHaveProperty('date');
    expect(text).not.toContain('授予日期，如');
    expect(text).toContain('# date: 2020-04             # 授予日期：可以只写到年或月：2019、2020-04 或 2020-06-18；不写时列在“日期未注明”下\n');
    expect(frontmatter(newEntryText('honor', { name: '个人嘉奖', officer: ['wang-xiang'], date: '2021' }, '2026-01-01'))).toMatchObject({ date: 2021 });
  });

  it('names both the people and the unit of an honour, which is then collective', () => {
    const data = frontmatter(newEntryText('honor', { name: '集体嘉奖', officer: ['wang-xiang'], unit: 'dongjin' }, '2026-01-01'));
    expect(data).toMatchObject({ scope: 'collective', recipients: { officers: ['wang-xiang'], units: ['dongjin'] } });
    expect(frontmatter(newEntryText('honor', { name: '个人嘉奖', officer: ['wang-xiang'] }, '2026-01-01'))).toMatchObject({ scope: 'individual' });
  });

  it('addresses a letter to both the people and the unit given', () => {
    const data = frontmatter(newEntryText('letter', { name: '市民李女士', to: ['wang-xiang', 'zhang-wei'], unit: 'dongjin' }, '2026-01-01'));
    expect(data.to).toEqual({ officers: ['wang-xiang', 'zhang-wei'], units: ['dongjin'] });
  });
});
