/** What every command does with a mistake it cannot go on from: say it in Chinese, say how to fix it, exit 1. */
export function fail(message: string, hint?: string): never {
  console.error(`✖ ${message}`);
  if (hint) console.error(`  怎么改：${hint}`);
  process.exit(1);
}
