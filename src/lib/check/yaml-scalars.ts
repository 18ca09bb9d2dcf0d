/**
 * Unquoted values read the way the build reads them. Astro reads frontmatter and YAML data files
 * with js-yaml 4, whose rules for plain scalars differ from the `yaml` library's: `0b101` and
 * `-0x1F` are numbers there, `2020-6-18` stays text, `1e400` and `-.5` stay text, and
 * `2020-06-18T10:00:00.` is a date. The check reads every plain scalar with these tags instead of
 * the `yaml` library's own, so the schema judges the very values the build will see.
 *
 * A port of js-yaml 4's default schema (lib/type/{null,bool,int,float,timestamp}.js), implicit
 * types in js-yaml's order. `tests/unit/check/yaml-agreement.test.ts` compares it with js-yaml.
 */
import type { ScalarTag } from 'yaml';

const TAG = 'tag:yaml.org,2002:';

const nullTag: ScalarTag = {
  tag: `${TAG}null`,
  default: true,
  test: /^(?:~|null|Null|NULL)?$/,
  resolve: () => null,
};

const boolTag: ScalarTag = {
  tag: `${TAG}bool`,
  default: true,
  test: /^(?:true|True|TRUE|false|False|FALSE)$/,
  resolve: (text) => text === 'true' || text === 'True' || text === 'TRUE',
};

/**
 * js-yaml accepts a sign on every base (`-0x1F`), binary (`0b101`), and reads `017` as decimal.
 * A value too large to be finite is not an integer there: it stays text.
 */
const intTag: ScalarTag = {
  tag: `${TAG}int`,
  default: true,
  test: /^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$/,
  resolve: (text) => {
    const value = jsYamlInteger(text);
    return Number.isFinite(value) ? value : text;
  },
};

function jsYamlInteger(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = /^[-+]/.test(text) ? text.slice(1) : text;
  if (digits === '0') return 0;
  const base = { b: 2, x: 16, o: 8 }[digits[1] ?? ''];
  if (digits[0] === '0' && base) return sign * parseInt(digits.slice(2), base);
  return sign * parseInt(digits, 10);
}

/** No sign before a leading dot (`-.5` is text), and a value that is not finite stays text. */
const floatTag: ScalarTag = {
  tag: `${TAG}float`,
  default: true,
  test: /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: (text) => {
    const lower = text.toLowerCase();
    const sign = lower.startsWith('-') ? -1 : 1;
    const unsigned = /^[-+]/.test(lower) ? lower.slice(1) : lower;
    if (unsigned === '.inf') return sign * Infinity;
    if (unsigned === '.nan') return NaN;
    const value = sign * parseFloat(unsigned);
    return Number.isFinite(value) ? value : text;
  },
};

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$/;

/** A date at UTC midnight, or a moment; a zone given as `+8` or `+08:00`, fractions cut to milliseconds. */
const timestampTag: ScalarTag = {
  tag: `${TAG}timestamp`,
  default: true,
  test: new RegExp(`${DATE.source}|${TIMESTAMP.source}`),
  resolve: (text) => {
    const date = DATE.exec(text);
    if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    const [, y, mo, d, h, mi, s, fraction = '', , zoneSign, zoneHour, zoneMinute = '0'] = TIMESTAMP.exec(text) ?? [];
    const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), milliseconds);
    const offset = zoneSign ? (zoneSign === '-' ? -1 : 1) * (Number(zoneHour) * 60 + Number(zoneMinute)) * 60_000 : 0;
    return new Date(utc - offset);
  },
};

/**
 * Plain-scalar tags for the `yaml` library's failsafe schema (which keeps maps, sequences and
 * text): with them it resolves unquoted values as js-yaml does.
 */
export const BUILD_SCALAR_TAGS: ScalarTag[] = [nullTag, boolTag, intTag, floatTag, timestampTag];
