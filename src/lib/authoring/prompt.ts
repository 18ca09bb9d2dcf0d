/**
 * Questions the authoring commands ask in a terminal. Each says what pressing Enter does, and the
 * commands do exactly that: a clerk who presses Enter on the strength of the question must not
 * end up with a file the check refuses for a reason the question did not mention.
 */

/** `授予日期（…；直接回车：不写日期）：` */
export function promptLine(question: string, onEnter: string): string {
  return `${question}（直接回车：${onEnter}）：`;
}

/** What Enter does for a required value: the placeholder the check refuses until it is filled. */
export const ENTER_FILL_IN_LATER = '先不填，文件中写“（请填写：…）”，稍后要换成实际内容';
