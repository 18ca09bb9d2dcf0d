import { describe, expect, it } from 'vitest';
import { mottoPhrases } from '../../src/lib/motto';

const POLICE = ['对党忠诚', '服务人民', '执法公正', '纪律严明'];

describe('the phrases of a motto', () => {
  it.each([
    ['half-width spaces', '对党忠诚 服务人民 执法公正 纪律严明'],
    ['full-width spaces from a Chinese IME, and around the motto', '\u3000对党忠诚\u3000服务人民\u3000执法公正\u3000纪律严明\u3000'],
    ['enumeration commas', '对党忠诚、服务人民、执法公正、纪律严明'],
    ['full-width commas with spaces after them', '对党忠诚， 服务人民， 执法公正， 纪律严明'],
    ['middle dots', '对党忠诚·服务人民·执法公正·纪律严明'],
    ['a no-break space pasted from Word and a zero-width space from WeChat', '对党忠诚\u00A0服务人民\u200B 执法公正 \u200B纪律严明'],
    ['full-width vertical bars', '对党忠诚｜服务人民｜执法公正｜纪律严明'],
  ])('reads %s as the same four phrases', (_what, motto) => {
    expect(mottoPhrases(motto)).toEqual(POLICE);
  });

  it('keeps a motto of one phrase whole, and a zero-width space inside a phrase does not split it', () => {
    expect(mottoPhrases('人民至上')).toEqual(['人民至上']);
    expect(mottoPhrases('人民\u200B至上')).toEqual(['人民至上']);
  });
});
