import { describe, expect, it } from 'vitest';
import { findPii, isResidentId15, isResidentId18, maskPii, passesLuhn } from '../../src/lib/pii';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A test ID: the first 17 digits with the check digit computed, as real IDs have. */
function residentId(first17: string): string {
  const sum = WEIGHTS.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}
/** A test card number with a valid Luhn digit appended. */
function cardNumber(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

const ID = residentId('32120219800101123');
/** An ID whose check digit is X, written with a lower-case x as people often do. */
const ID_X = (() => {
  for (let n = 100; n < 999; n++) {
    const id = residentId(`32120219800101${n}`);
    if (id.endsWith('X')) return `${id.slice(0, 17)}x`;
  }
  throw new Error('no X found');
})();
const CARD = cardNumber('622202020011223344');

describe('resident ID numbers', () => {
  it('accepts a number with a real birth date and a valid check digit', () => {
    expect(isResidentId18(ID)).toBe(true);
  });

  it('rejects a wrong check digit, an impossible birth date and a leading zero', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(isResidentId18(wrong)).toBe(false);
    expect(isResidentId18(residentId('32120219800230123'))).toBe(false); // 2月30日
    expect(isResidentId18(residentId('02120219800101123'))).toBe(false);
  });

  it('recognises the 15-digit legacy form by its birth date', () => {
    expect(isResidentId15('321202800101123')).toBe(true);
    expect(isResidentId15('321202801301123')).toBe(false);
  });
});

describe('findPii', () => {
  it.each([
    [`身份证号${ID}。`, 'id-card', ID],
    [`身份证号 ${ID_X}`, 'id-card', ID_X],
    ['联系电话13812345678', 'mobile', '13812345678'],
    ['电话：138 1234 5678', 'mobile', '138 1234 5678'],
    ['电话 +86 139-1234-5678', 'mobile', '+86 139-1234-5678'],
    [`卡号${CARD}`, 'bank-card', CARD],
    [`卡号 ${CARD.replace(/(\d{4})(?=\d)/g, '$1 ')}`, 'bank-card', CARD.replace(/(\d{4})(?=\d)/g, '$1 ')],
    ['来信请寄 li.ming@example.com', 'email', 'li.ming@example.com'],
  ] as const)('finds personal data in %s', (text, kind, value) => {
    expect(findPii(text)).toEqual([{ kind, value, index: text.indexOf(value) }]);
  });

  it.each([
    '核查群众9.5万余人次，95000人次',
    '泰公〔2020〕123号',
    '2020年6月18日',
    '民警、辅警200余名，党员54人',
    '12345678901', // not a mobile prefix
    '110 报警电话',
    '编号 4111111111111112', // fails Luhn
    '20200618123456789', // 17 digits
  ])('does not raise a false alarm on %s', (text) => {
    expect(findPii(text)).toEqual([]);
  });

  it('reports an ID number once, not also as a bank card', () => {
    expect(findPii(ID).map((m) => m.kind)).toEqual(['id-card']);
  });

  it('leaves allow-listed numbers alone, whatever their spacing', () => {
    expect(findPii('服务热线 138-0000-0000', ['13800000000'])).toEqual([]);
    expect(findPii('服务热线 13800000000', ['138 0000 0000'])).toEqual([]);
  });
});

describe('maskPii', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPii('13812345678')).toBe('138****5678');
    expect(maskPii(ID)).toBe(`321${'*'.repeat(11)}${ID.slice(-4)}`);
    expect(maskPii('li.ming@example.com')).toBe('l***@example.com');
  });
});
