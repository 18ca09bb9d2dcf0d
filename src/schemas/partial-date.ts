import { z } from 'astro/zod';
import { parsePartialDate, PARTIAL_DATE_PATTERN } from '../lib/partial-date';
import { parsedValue, readAs, textShape } from './parsed';

const read = readAs(parsePartialDate);

/**
 * A date known to the year, month or day: `2019`, `2020-04` or `2020-06-18` (or a YAML date).
 * Normalised to a `PartialDate` so pages never look at how it was written.
 */
export const partialDateSchema = parsedValue(
  [z.number(read).int(), textShape(parsePartialDate, PARTIAL_DATE_PATTERN), z.date(read)],
  parsePartialDate,
  'date',
);
