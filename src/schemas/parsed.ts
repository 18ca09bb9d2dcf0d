import { z } from 'astro/zod';

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A value written in one of a few shapes and read by `parse`: a partial date is a year (2019), a
 * text of a pattern (2020-04) or a YAML date. A tool reading the schema (the editor, a JSON
 * Schema export) sees the shapes; every failure, whatever the shape, carries the reason `parse`
 * gives, and `hint` tells the check which advice to add.
 */
export function parsedValue<T>(shapes: readonly [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]], parse: (input: unknown) => Parsed<T>, hint: string) {
  return z.union(shapes, readAs(parse)).transform((input, ctx): T => {
    const parsed = parse(input);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason, params: { hint } });
    return z.NEVER;
  });
}

/** Longer text is never one of these values; the limit keeps a pasted article out of the parsers. */
const MAX_VALUE_TEXT = 64;

/** The text shape of a parsed value: trimmed, short, and of `pattern` when one is given. */
export function textShape(parse: (input: unknown) => Parsed<unknown>, pattern?: RegExp) {
  const text = z.string(readAs(parse)).trim().max(MAX_VALUE_TEXT);
  return pattern ? text.regex(pattern) : text;
}

/**
 * The zod options of a shape of a parsed value. Every issue of the shape (a text that does not match
 * the pattern, a number with a fraction) says what `parse` says about the value.
 */
export function readAs(parse: (input: unknown) => Parsed<unknown>): { errorMap: z.ZodErrorMap } {
  return {
    errorMap: (_issue, ctx) => {
      const parsed = parse(ctx.data);
      return { message: parsed.ok ? ctx.defaultError : parsed.reason };
    },
  };
}
