/**
 * Turns zod's issues into messages a publicity clerk can act on: the field as written, what is
 * wrong in Chinese, and what to write instead.
 */
import { z } from 'astro/zod';
import { describeChoices } from '../labels';
import { describeFields, fieldAt, type InputKind } from '../../schemas/field';
import { closestMatches } from '../suggest';
import { displayValue, formatFieldPath, type Problem } from './problem';
import { valueSlip } from './yaml-slips';

type Located = Omit<Problem, 'file' | 'line'>;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
  nan: '非数字（.nan）',
  undefined: '空',
};

const TYPE_HINTS: Record<string, string> = {
  boolean: '只能写 true（是）或 false（否），不加引号',
  number: '只写数字，如 386；单位写在 unit 字段里，不要写在数字后面',
  array: '写成列表：下一行起每项一行，用两个空格加 “- ” 开头',
  object: '写成下一级字段：下一行起缩进两个空格',
  string: '写成文字；含有冒号或 # 时请整体加引号',
};

/** The Chinese label of the field at `path` in `schema`, from its description. */
export function describeField(schema: z.ZodTypeAny, path: readonly (string | number)[]): string | undefined {
  return fieldAt(schema, path)?.doc.label || undefined;
}

/** The field names an object schema at `path` accepts, for "did you mean" hints. */
function knownKeys(schema: z.ZodTypeAny, path: readonly (string | number)[]): string[] {
  const fields = path.length > 0 ? fieldAt(schema, path)?.fields : describeFields(schema);
  return (fields ?? []).map((f) => f.key);
}

/**
 * Values read by a parser (src/schemas/parsed.ts): whatever shape of a bad value zod reports on,
 * the message is the parser's reason and the advice is the one of the kind of value.
 */
const READ_VALUES: Partial<Record<InputKind, (message: string, name: string) => Pick<Located, 'code' | 'message' | 'hint'>>> = {
  date: (message, name) => ({ code: 'date', message: `${name}：${message}`, hint: '日期可写到年、月或日：2019、2020-04、2020-06-18' }),
  instant: (message, name) => ({ code: 'date', message: `${name} 不是有效的时间`, hint: message }),
  period: (message, name) => ({ code: 'date', message: `${name}：${message}`, hint: '积分期间写年度 2021、季度 2021-Q1 或月份 2021-03' }),
  month: (message, name) => ({ code: 'date', message: `${name}：${message}`, hint: '月份写成 2021-03；每个单位每月一个文件' }),
};

/** Issues about the shape of a read value (as opposed to a rule about it, such as a maximum). */
const SHAPE_ISSUES: ReadonlySet<string> = new Set(['invalid_union', 'invalid_type', 'invalid_string', 'invalid_date', 'custom', 'too_big']);

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Puts a space between Chinese text and a Latin word: 应为 true 或 false. */
function spaced(text: string): string {
  return /^[A-Za-z]/.test(text) ? ` ${text}` : text;
}

/** A field name with its Chinese label: `awardedBy（授予单位）`. */
function named(field: string, label: string | undefined): string {
  return label ? `${field}（${label}）` : field;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Unknown fields named in one message; more are counted. */
const MAX_KEYS_NAMED = 10;

/**
 * A value over its limit: how long it is, the limit, and the schema's own advice (the message
 * the field gave its limit, in Chinese) on what to do.
 */
function tooBig(issue: Extract<z.ZodIssue, { code: 'too_big' }>, name: string, value: unknown): Pick<Located, 'code' | 'message' | 'hint'> {
  const max = count(Number(issue.maximum));
  const fix = /[\u3400-\u9fff]/.test(issue.message) ? issue.message : undefined;
  if (issue.type === 'string') {
    const length = typeof value === 'string' ? `${count(value.trim().length)} 字，` : '';
    return { code: 'too-long', message: `${name} 太长（${length}上限 ${max} 字）`, hint: fix ?? '请缩短' };
  }
  if (issue.type === 'array') {
    const length = Array.isArray(value) ? `${count(value.length)} 项，` : '';
    return { code: 'too-long', message: `${name} 的项数太多（${length}上限 ${max} 项）`, hint: fix ?? '请删去一些' };
  }
  const shown = typeof value === 'number' ? `${count(value)}，` : '';
  return { code: 'schema', message: `${name} 太大（${shown}上限 ${max}）`, hint: fix ?? '请核对这个数字' };
}

/**
 * A value the schema wants as text that YAML read as a number, true/false or a date, because it
 * was written without quotes (`siteCode: 3212000001`): the line with quotes, as it was written
 * (`0123` stays `0123`, which the number would not). Null when it was not written plainly.
 */
function quoteHint(issue: z.ZodInvalidTypeIssue, written: string | undefined): { message: string; hint: string } | null {
  if (issue.expected !== 'string' || written === undefined || !['number', 'boolean', 'date'].includes(issue.received)) return null;
  const key = issue.path[issue.path.length - 1];
  const line = `${typeof key === 'string' ? `${key}:` : '-'} "${written}"`;
  if (issue.received === 'number' && /^[+-]?[0-9]+$/.test(written)) {
    return { message: '全是数字，被读成了数字，这里要的是文字', hint: `全是数字的编号要加英文引号，否则会被当作数字：${line}` };
  }
  return { message: `应为文字，这里写的是${spaced(TYPE_NAMES[issue.received] ?? issue.received)}`, hint: `加上英文引号，就会被当作文字：${line}` };
}

/**
 * Translates one zod issue. `data` is the raw input, used to quote the offending value;
 * `writtenAt` gives an unquoted value as it was written in the file, where it is known.
 */
export function translateIssue(issue: z.ZodIssue, schema: z.ZodTypeAny, data: unknown, writtenAt?: (path: readonly (string | number)[]) => string | undefined): Located {
  const field = formatFieldPath(issue.path);
  const label = describeField(schema, issue.path);
  const value = displayValue(valueAt(data, issue.path));
  const base = { severity: 'error' as const, ...(field ? { field } : {}), ...(value !== undefined ? { value } : {}) };
  const key = String(issue.path[issue.path.length - 1] ?? field);
  const doc = fieldAt(schema, issue.path)?.doc;
  const raw = valueAt(data, issue.path);

  // A read value that is missing is a missing field, whatever shape zod tried first.
  if (raw === undefined && (issue.code === z.ZodIssueCode.invalid_union || issue.code === z.ZodIssueCode.invalid_type)) {
    return { ...base, code: 'required', message: `缺少必填字段 ${named(field, label)}`, hint: `请添加一行 “${key}: …”${label ? `，填写${label}` : ''}；字段名要与此处完全一致（区分大小写）` };
  }
  const read = doc && READ_VALUES[doc.input];
  const ownRule = issue.code === z.ZodIssueCode.custom && !['date', 'instant', 'points-period', 'points-month'].includes(String((issue.params as { hint?: string } | undefined)?.hint));
  if (read && SHAPE_ISSUES.has(issue.code) && !ownRule && raw !== null) return { ...base, ...read(issue.message, named(field, label)) };
  if (doc && (doc.input === 'figure' || doc.input === 'scores') && (issue.code === z.ZodIssueCode.invalid_union || issue.code === z.ZodIssueCode.invalid_string)) {
    const received = typeof raw === 'string' ? 'string' : typeof raw === 'boolean' ? 'boolean' : Array.isArray(raw) ? 'array' : typeof raw;
    return { ...base, code: 'schema', message: `${named(field, label)} 应为数字，这里写的是${spaced(TYPE_NAMES[received] ?? received)}`, hint: TYPE_HINTS.number! };
  }

  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'null') {
        return {
          ...base,
          code: 'required',
          message: `${named(field, label)} 没有值`,
          hint: `请在冒号后填写${label ?? '内容'}；值以 # 开头时要加引号（如 "#1f4e9c"），否则 # 后面会被当作注释。不需要这个字段就删掉这一行`,
        };
      }
      if (issue.received === 'undefined') {
        return {
          ...base,
          code: 'required',
          message: `缺少必填字段 ${named(field, label)}`,
          hint: `请添加一行 “${key}: …”${label ? `，填写${label}` : ''}；字段名要与此处完全一致（区分大小写）`,
        };
      }
      {
        // `filing:` then `  icp:苏ICP备…`: the field, its colon unspaced or Chinese, read as text.
        const slip = issue.expected === 'object' && typeof raw === 'string' ? valueSlip(raw) : null;
        if (slip) return { ...base, code: 'yaml', message: slip.message, hint: slip.hint };
        const quote = quoteHint(issue, writtenAt?.(issue.path));
        if (quote) return { ...base, code: 'schema', message: `${named(field, label)} ${quote.message}`, hint: quote.hint };
      }
      return {
        ...base,
        code: 'schema',
        message: `${named(field, label)} 应为${spaced(TYPE_NAMES[issue.expected] ?? issue.expected)}，这里写的是${spaced(TYPE_NAMES[issue.received] ?? issue.received)}`,
        hint: TYPE_HINTS[issue.expected] ?? '请按说明改写这个值',
      };
    case z.ZodIssueCode.invalid_enum_value: {
      const options = issue.options.map(String);
      const received = String(issue.received);
      // The Chinese label written for its value (kind: 派出所): say the value to write instead.
      const byLabel = Object.entries(doc?.choices ?? {}).find(([, choiceLabel]) => choiceLabel === received.trim())?.[0];
      const close = byLabel ? [] : closestMatches(received, options, 1);
      return {
        ...base,
        code: 'enum',
        message: `${named(field, label)} 的取值 “${received}” 无效`,
        hint: byLabel
          ? `“${received.trim()}”要写成它的代号 ${byLabel}：${field.split('.').at(-1)}: ${byLabel}`
          : `${close.length ? `是不是想写 ${close[0]}？` : ''}可选值：${describeChoices(doc?.choices ?? Object.fromEntries(options.map((o) => [o, o])))}`,
      };
    }
    case z.ZodIssueCode.unrecognized_keys: {
      const known = knownKeys(schema, issue.path);
      // A pasted table can bring thousands of keys: name the first few, count the rest.
      const keys = issue.keys.length > MAX_KEYS_NAMED ? [...issue.keys.slice(0, MAX_KEYS_NAMED), `等 ${count(issue.keys.length)} 个`] : issue.keys;
      const guesses = issue.keys.slice(0, MAX_KEYS_NAMED).map((k) => {
        const close = closestMatches(k, known, 1);
        return close.length ? `${k} → ${close[0]}` : null;
      });
      const where = field ? `${field} 中` : '';
      return {
        ...base,
        field: keys.map((k) => (field ? `${field}.${k}` : k)).join('、'),
        value: keys.join('、'),
        code: 'unknown-field',
        message: `${where}有不认识的字段：${keys.join('、')}`,
        hint: guesses.some(Boolean)
          ? `可能是拼写错误：${guesses.filter(Boolean).join('；')}。字段名区分大小写`
          : `请删除，或改为可用的字段：${known.join('、')}`,
      };
    }
    case z.ZodIssueCode.too_small:
      if (issue.type === 'array') {
        return { ...base, code: 'schema', message: `${named(field, label)} 至少要有 ${issue.minimum} 项`, hint: TYPE_HINTS.array! };
      }
      if (issue.type === 'string') {
        return { ...base, code: 'required', message: `${named(field, label)} 不能为空`, hint: `请填写${label ?? '内容'}，或删除这一行` };
      }
      return { ...base, code: 'schema', message: `${named(field, label)} ${issue.message}`, hint: '请核对这个数字' };
    case z.ZodIssueCode.too_big:
      return { ...base, ...tooBig(issue, named(field, label), valueAt(data, issue.path)) };
    case z.ZodIssueCode.invalid_union:
      return { ...base, code: 'schema', message: `${named(field, label)} 的写法不对`, hint: doc?.help ?? '请按说明修改这个值' };
    case z.ZodIssueCode.custom: {
      const params = (issue.params ?? {}) as { hint?: string; imageKey?: string };
      return { ...base, ...customKind(params, key) };
      function customKind(p: typeof params, k: string): Pick<Located, 'code' | 'message' | 'hint'> {
        switch (p.hint) {
          case 'alt':
            return {
              code: 'alt-missing',
              message: issue.message,
              hint: `请添加 “${k}: …”：${doc?.help ?? '用一句话说明图片的内容'}`,
            };
          case 'recipients-empty':
          case 'to-empty':
            return { code: 'recipients', message: issue.message, hint: '例如：\n  officers:\n    - wang-xiang' };
          case 'scope-individual':
            return { code: 'recipients', message: issue.message, hint: '集体荣誉请把 scope 改为 collective；个人荣誉请删掉 recipients.units，改用 officers 或 others' };
          case 'scope-collective':
            return { code: 'recipients', message: issue.message, hint: '集体荣誉请在 recipients.units 中写获奖单位 id（或 others 写集体名称）；若是个人荣誉，把 scope 改为 individual' };
          case 'metric-duplicate':
            return { code: 'metric-duplicate', message: issue.message, hint: '同一期中每个 key 只能出现一次：合并这两项，或给其中一项换一个 key' };
          case 'points-officer-duplicate':
            return { code: 'points', message: issue.message, hint: '同一个人每月只能有一项：把两项的分数合并成一项，删去另一项' };
          case 'required':
            return { code: 'required', message: issue.message, hint: '日期可写到年、月或日：2019、2020-04、2020-06-18' };
          default:
            return { code: 'schema', message: `${named(field, label)}：${issue.message}`, hint: doc?.help || '请按说明修改这个值' };
        }
      }
    }
    default:
      return { ...base, code: 'schema', message: `${named(field, label)}：${issue.message}`, hint: doc?.help || '请按说明修改这个值' };
  }
}
