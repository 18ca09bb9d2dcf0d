import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, findPiiHints, isResidentId15, isResidentId18, maskPii, passesLuhn, piiKey } from '../../src/lib/pii';
import { normalizeText, sourceSpan } from '../../src/lib/normalize-text';

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

const ID = residentId('32120219800101002');
/** An ID whose check digit is X, written with a lower-case x as people often do. */
const ID_X = (() => {
  for (let n = 100; n < 999; n++) {
    const id = residentId(`32120219800101${n}`);
    if (id.endsWith('X')) return `${id.slice(0, 17)}x`;
  }
  throw new Error('no X found');
})();
const CARD = cardNumber('622202020011223344');
/** Full-width forms, as an IME in full-width mode types them. */
const wide = (text: string) => text.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

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

describe('normalizeText', () => {
  it.each([
    ['１３９１２３４５６７８', '13912345678'],
    ['li＠example．com', 'li@example.com'],
    ['陈\u3000押林', '陈 押林'],
    ['139\u00a01234', '139 1234'],
    ['陈\u200b押\u200d林\ufeff\u00ad', '陈押林'],
    ['&#49;&#x33;&#57;&nbsp;&commat;', '139 @'],
    ['tel:%31%33%39', 'tel:139'],
    ['\\u0031\\u0033\\u0039', '139'],
    ['&amp;#49;', '&#49;'], // decoded once, as a browser shows it
    ['王祥 2020年', '王祥 2020年'],
  ])('reads %j as %j', (source, expected) => {
    expect(normalizeText(source).text).toBe(expected);
  });

  it('maps every normalised span back to the source text it came from', () => {
    const source = '电话&#49;３9\u200b1234';
    const normalized = normalizeText(source);
    expect(normalized.text).toBe('电话1391234');
    const [from, to] = sourceSpan(normalized, 2, normalized.text.length);
    expect(source.slice(from, to)).toBe('&#49;３9\u200b1234');
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
    // What a Chinese keyboard, Word and WeChat produce.
    ['电话１３９１２３４５６７８。', 'mobile', '１３９１２３４５６７８'],
    [`身份证${wide(ID_X.toUpperCase())}`, 'id-card', wide(ID_X.toUpperCase())],
    ['邮箱li＠example.com', 'email', 'li＠example.com'],
    ['电话139\u00a01234\u00a05678', 'mobile', '139\u00a01234\u00a05678'],
    ['电话139\u200b1234\u200b5678', 'mobile', '139\u200b1234\u200b5678'],
    ['电话139\n1234\n5678', 'mobile', '139\n1234\n5678'],
    ['电话(139)1234-5678', 'mobile', '139)1234-5678'],
    ['电话139－1234－5678', 'mobile', '139－1234－5678'],
    ['电话139–1234–5678', 'mobile', '139–1234–5678'],
    ['电话139/1234/5678', 'mobile', '139/1234/5678'],
    ['电话139.1234.5678', 'mobile', '139.1234.5678'],
    ['电话0086 139 1234 5678', 'mobile', '0086 139 1234 5678'],
    ['电话８６－１３９１２３４５６７８', 'mobile', '８６－１３９１２３４５６７８'],
    ['电话013912345678', 'mobile', '013912345678'],
    ['身份证 321202 19800101 0020', 'id-card', '321202 19800101 0020'],
    ['电话&#49;&#51;&#57;12345678', 'mobile', '&#49;&#51;&#57;12345678'],
    ['<a href="tel:%31%33%39%31%32%33%34%35%36%37%38">', 'mobile', '%31%33%39%31%32%33%34%35%36%37%38'],
    ['电话 1 3 9 1 2 3 4 5 6 7 8', 'mobile', '1 3 9 1 2 3 4 5 6 7 8'],
    ['TEL13912345678', 'mobile', '13912345678'],
  ] as const)('finds personal data in %j', (text, kind, value) => {
    expect(findPii(text)).toEqual([{ kind, value, index: text.indexOf(value) }]);
  });

  it('finds a mobile number written right after a date', () => {
    expect(findPii('2020.06.18 13912345678').map((m) => m.value)).toEqual(['13912345678']);
  });

  it.each([
    '核查群众9.5万余人次，95000人次',
    '泰公〔2020〕123号',
    '2020年6月18日',
    '2020-06-18',
    '民警、辅警200余名，党员54人',
    '12345678901', // not a mobile prefix
    '110 报警电话',
    '编号 4111111111111112', // fails Luhn
    '20200618123456789', // 17 digits
    '2019 2020 2021 2022 2023', // years are not a bank card
    '第 1 页 2 3 4 5 6 7 8 9 10 11',
    'sha256-Ab13912345678Cd', // inside a hash
    '<img src="/_astro/x.Ab13912345678cD.webp">',
    '1,386 起，95,000 人次',
  ])('does not raise a false alarm on %j', (text) => {
    expect(findPii(text)).toEqual([]);
  });

  it('reports an ID number once, not also as a bank card', () => {
    expect(findPii(ID).map((m) => m.kind)).toEqual(['id-card']);
  });

  it('leaves allow-listed numbers alone, whatever their spacing, width or prefix', () => {
    expect(findPii('服务热线 138-0000-0000', ['13800000000'])).toEqual([]);
    expect(findPii('服务热线 13800000000', ['138 0000 0000'])).toEqual([]);
    expect(findPii('服务热线 +86 １３８ ００００ ００００', ['13800000000'])).toEqual([]);
    expect(findPii('信箱 Ban.Gong@Example.com', ['ban.gong@example.com'])).toEqual([]);
    expect(piiKey('+86 138-0000-0000')).toBe('13800000000');
  });
});

describe('findPii on generated variants', () => {
  const separators = [' ', '\u00a0', '\u3000', '-', '－', '–', '—', '/', '.', '\n', '\r\n', ' - ', '\u200b', ''];
  const spaced = (digits: string) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: digits.length, maxLength: digits.length }),
        fc.array(fc.constantFrom(...separators), { minLength: digits.length, maxLength: digits.length }),
        fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      )
      .map(([cuts, seps, wides]) => {
        // Split into groups of 1–4 characters, each character ASCII or full-width.
        let out = '';
        let left = cuts[0]!;
        [...digits].forEach((c, i) => {
          out += wides[i] ? wide(c) : c;
          if (--left === 0 && i < digits.length - 1) {
            out += seps[i]!;
            left = cuts[i + 1]!;
          }
        });
        return out;
      });
  const context = fc.constantFrom(['联系电话：', '。'], ['他的号码是', '，欢迎来电'], ['', ''], ['（', '）']);

  it('finds every mobile number, whatever the separators, widths and invisible characters', () => {
    const mobile = fc.tuple(fc.constantFrom('13', '15', '18', '19', '17'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
    fc.assert(
      fc.property(mobile.chain((m) => fc.tuple(fc.constant(m), spaced(m), context)), ([digits, written, [before, after]]) => {
        const found = findPii(`${before}${written}${after}`);
        expect(found.map((m) => [m.kind, piiKey(m.value)])).toEqual([['mobile', digits]]);
      }),
      { numRuns: 400 },
    );
  });

  it('finds every resident ID number, whatever the grouping and width', () => {
    const id = fc.tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1940-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 })).map(
      ([region, date, seq]) => residentId(`${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`),
    );
    fc.assert(
      fc.property(id.chain((n) => fc.tuple(fc.constant(n), spaced(n), context)), ([digits, written, [before, after]]) => {
        const found = findPii(`${before}${written}${after}`);
        expect(found.map((m) => [m.kind, piiKey(m.value)])).toEqual([['id-card', digits]]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the value as written, so it can be masked in place', () => {
    fc.assert(
      fc.property(spaced('13912345678'), (written) => {
        const text = `电话${written}。`;
        const [match] = findPii(text);
        expect(text.slice(match!.index, match!.index + match!.value.length)).toBe(match!.value);
        expect(maskPii(match!.value).replace(/[^\d*]/g, '')).toBe('139****5678');
      }),
      { numRuns: 200 },
    );
  });
});

describe('findPiiHints', () => {
  it.each([
    ['办公室电话 0523-86881234', 'landline', '0523-86881234'],
    ['电话（0571）8765 4321', 'landline', '0571）8765 4321'],
    ['宅电 8688 1234', 'landline', '8688 1234'],
    ['电话一三九一二三四五六七八', 'mobile-chinese', '一三九一二三四五六七八'],
    ['电话：幺三九 幺二三四 五六七八', 'mobile-chinese', '幺三九 幺二三四 五六七八'],
  ] as const)('warns of %j', (text, kind, value) => {
    expect(findPiiHints(text)).toEqual([{ kind, value, index: text.indexOf(value) }]);
  });

  it('looks for addresses and children only in letters', () => {
    const text = '我家住在东湖路88号3幢201室，我8岁的儿子在实验小学三年级2班。';
    expect(findPiiHints(text)).toEqual([]);
    const kinds = findPiiHints(text, [], { letter: true }).map((m) => [m.kind, m.value]);
    expect(kinds).toContainEqual(['minor', '8岁']);
    expect(kinds.some(([k, v]) => k === 'address' && v!.endsWith('东湖路88号3幢201室'))).toBe(true);
    expect(kinds.some(([k, v]) => k === 'minor' && v!.includes('小学'))).toBe(true);
  });

  it.each(['53岁的民警', '2020年6月18日', '泰公〔2020〕123号', '服务热线12345', '大队有民警、辅警200余名'])('stays quiet on %j', (text) => {
    expect(findPiiHints(text, [], { letter: true })).toEqual([]);
  });

  it('leaves the unit’s own allow-listed landline alone', () => {
    expect(findPiiHints('值班电话 0523-86881234', ['0523 8688 1234'])).toEqual([]);
  });
});

describe('maskPii', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPii('13812345678')).toBe('138****5678');
    expect(maskPii(ID)).toBe(`321${'*'.repeat(11)}${ID.slice(-4)}`);
    expect(maskPii('li.ming@example.com')).toBe('l***@example.com');
    expect(maskPii('１３８１２３４５６７８')).toBe('138****5678');
  });
});
