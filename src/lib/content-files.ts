/** Whether a content folder holds any YAML data file (a points folder may be absent or empty). */
import { existsSync, readdirSync } from 'node:fs';

export function hasDataFiles(dir: string): boolean {
  return existsSync(dir) && (readdirSync(dir, { recursive: true }) as string[]).some((f) => /\.ya?ml$/i.test(f));
}
