import { z } from 'astro/zod';
import { parsePartialDate, type PartialDate } from '../lib/partial-date';

/**
 * A date known to the year, month or day: `2019`, `2020-04` or `2020-06-18`.
 * Normalised to a `PartialDate` so pages never look at how it was written.
 */
export const partialDateSchema = z.unknown().transform((input, ctx): PartialDate => {
  const parsed = parsePartialDate(input);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason, params: { hint: 'date' } });
  return z.NEVER;
});
