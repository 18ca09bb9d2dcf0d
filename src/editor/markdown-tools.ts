/**
 * The body toolbar's buttons as text edits, without any DOM: each takes the text and the selection
 * and returns them changed, inserting the Markdown a clerk would otherwise have to know (`**`,
 * `## `, `- `, `> `). Only what the check's safe subset of Markdown allows.
 */

export type MarkdownTool = 'paragraph' | 'bold' | 'heading' | 'list' | 'quote';

/** The buttons, in toolbar order, with their Chinese names and what they do. */
export const MARKDOWN_TOOLS: readonly { tool: MarkdownTool; label: string; title: string }[] = [
  { tool: 'paragraph', label: '段落', title: '在光标处另起一段' },
  { tool: 'bold', label: '加粗', title: '把选中的文字加粗' },
  { tool: 'heading', label: '小标题', title: '把这一行变成小标题' },
  { tool: 'list', label: '列表', title: '把选中的各行变成列表' },
  { tool: 'quote', label: '引用', title: '把选中的各行变成引用' },
];

export interface TextEdit {
  text: string;
  start: number;
  end: number;
}

/** The start of the line holding `index`, and the end of the line holding `end`. */
function lineBounds(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  return [from, newline === -1 ? text.length : newline];
}

const BLOCK_MARK = /^(#{1,6} |- |> )/;

/** Puts `prefix` before every line of the selection (or removes it when every line has it). */
function prefixLines({ text, start, end }: TextEdit, prefix: string): TextEdit {
  const [from, to] = lineBounds(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const all = lines.every((line) => line.startsWith(prefix) || line.trim() === '');
  // Another block marker on the line is replaced, not stacked: a heading made a list item is `- `.
  const changed = lines.map((line) => (line.trim() === '' ? line : all ? line.slice(prefix.length) : `${prefix}${line.replace(BLOCK_MARK, '')}`)).join('\n');
  const next = text.slice(0, from) + changed + text.slice(to);
  return { text: next, start: from, end: from + changed.length };
}

/** Applies one toolbar button to the text and selection. */
export function applyTool(tool: MarkdownTool, edit: TextEdit): TextEdit {
  const { text, start, end } = edit;
  switch (tool) {
    case 'paragraph': {
      // A blank line between paragraphs, as Markdown wants; none doubled.
      const before = text.slice(0, start).replace(/\n*$/, '');
      const after = text.slice(end).replace(/^\n*/, '');
      const inserted = before ? '\n\n' : '';
      const next = before + inserted + after;
      const caret = before.length + inserted.length;
      return { text: next, start: caret, end: caret };
    }
    case 'bold': {
      const selected = text.slice(start, end);
      const words = selected || '加粗的文字';
      const next = `${text.slice(0, start)}**${words}**${text.slice(end)}`;
      return { text: next, start: start + 2, end: start + 2 + words.length };
    }
    case 'heading':
      return prefixLines(edit, '## ');
    case 'list':
      return prefixLines(edit, '- ');
    case 'quote':
      return prefixLines(edit, '> ');
  }
}
