/**
 * The schema context used by unit tests: images stay plain paths and references become `Ref`s
 * without checking that the target exists (the content check does that, and has its own tests).
 */
import { z } from 'astro/zod';
import type { CollectionName, Ref, SchemaContext } from '../../../src/schemas/context';

export const testContext: SchemaContext<z.ZodString> = {
  image: () => z.string(),
  reference: <C extends CollectionName>(collection: C) => z.string().transform((id): Ref<C> => ({ collection, id })),
};

/** The messages of a failed parse, by field path (`recipients.units`), for readable assertions. */
export function issuesOf(result: z.SafeParseReturnType<unknown, unknown>): { path: string; code: string; message: string }[] {
  if (result.success) throw new Error(`expected the parse to fail, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
}

/** The data of a successful parse; fails the test with the issues otherwise. */
export function dataOf<T>(result: z.SafeParseReturnType<unknown, T>): T {
  if (!result.success) throw new Error(`expected the parse to succeed:\n${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}
