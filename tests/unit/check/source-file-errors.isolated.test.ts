/**
 * Whatever the YAML library throws while reading becomes a problem on the file, never a stack
 * trace: the library is made to throw here, as it could on input nobody has tried yet.
 */
import { describe, expect, it, vi } from 'vitest';
import { readDataSource, readMarkdownSource } from '../../../src/lib/check/source-file';

vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      if (args[0].includes('parse-throws')) throw new RangeError('Maximum call stack size exceeded\n    at parse (yaml.js:1:1)');
      const doc = yaml.parseDocument(...args);
      if (args[0].includes('tojs-throws')) {
        doc.toJS = () => {
          throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
        };
      }
      return doc;
    },
  };
});

describe('an exception while reading YAML', () => {
  it.each([
    ['parsing', 'title: parse-throws\n', 'YAML 无法读取（Maximum call stack size exceeded）'],
    ['converting', 'title: tojs-throws\n', 'YAML 无法读取（Excessive alias count indicates a resource exhaustion attack）'],
  ])('while %s becomes a problem with a line and a hint', (_when, text, message) => {
    for (const source of [readDataSource(text), readMarkdownSource(`---\n${text}---\n正文`)]) {
      expect(source.data).toBeUndefined();
      expect(source.problems).toEqual([{ severity: 'error', code: 'yaml', line: 1, message, hint: expect.stringMatching(/^检查这一行/) }]);
    }
  });
});
