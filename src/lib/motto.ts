/**
 * A unit's motto (训词, `units.motto`) as its phrases, so the home page sets them with even gaps
 * whatever a clerk typed between them: half- or full-width spaces, a no-break space from Word,
 * 、，；· or a vertical bar, zero-width characters pasted from WeChat. A motto of one phrase
 * (人民至上) stays whole.
 */
import { INVISIBLE } from './normalize-text';

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** What separates the phrases; \s covers the full-width space (U+3000) and NBSP. */
const SEPARATORS = /[\s、，,；;·•・|｜/／]+/u;

/** The phrases of a motto, in order, without separators or empty pieces. */
export function mottoPhrases(motto: string): string[] {
  return motto
    .replace(INVISIBLE_ALL, '')
    .split(SEPARATORS)
    .filter((phrase) => phrase.length > 0);
}
