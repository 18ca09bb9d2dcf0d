/**
 * `npm run rollback`: the previous published site back in place (src/lib/rollback.ts, the same
 * code as the editor's 回退 button). Run twice, the second undoes the first.
 *   --list            the live site and the kept versions
 *   --to <编号>       a kept version from the list instead of the previous one
 *   --audience internal   the intranet edition (dist-internal/), as for npm run build
 * Respects HONOR_ROLL_SITE and HONOR_ROLL_OUT_DIR as the build does. Exit code 1 when nothing
 * was rolled back.
 */
import { parseArgs } from 'node:util';
import { readAudience } from '../src/lib/site-paths';
import { listSite, recoverSite, rollbackSite } from '../src/lib/rollback';
import { fail } from './cli';

const HELP = `npm run rollback：把网站换回上一次发布的版本。

  npm run rollback                     回到上一个版本（现在在线的版本也会保留）
  npm run rollback                     再运行一次：撤销刚才的回退，回到回退前的版本
  npm run rollback -- --list           列出现在在线的版本和保留的旧版本（最多 5 个）
  npm run rollback -- --to <编号>      换成列表中的某个版本，编号如 20260601-120000-001
  npm run rollback -- --audience internal   内网版（dist-internal/）

“上一个版本”是指现在这个版本上线之前在线的版本，所以连续回退两次会回到原来的网站；
要回到更早的版本，先用 --list 查看编号，再用 --to 选择。
每次发布（npm run build 或编辑台的“发布”）都会保留被替换的网站，放在网站文件夹旁边的 .dist-versions/
（内网版：.dist-internal-versions/）中；回退只是给文件夹改名，几乎不需要时间。这个文件夹不要上传，也不要删除。`;

const args = process.argv.slice(2);
let options: { list?: boolean; to?: string; help?: boolean };
try {
  options = parseArgs({ args, options: { list: { type: 'boolean' }, to: { type: 'string' }, audience: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch {
  fail(`看不懂这些选项：${args.join(' ')}`, '运行 npm run rollback -- --help 查看用法；--to 后面要写版本编号，先用 npm run rollback -- --list 查看');
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const target = { root: process.cwd(), env: process.env, audience: readAudience(process.env, args) };

if (options.list) {
  for (const note of await recoverSite({ ...target, onWait: (message) => console.log(message) })) console.log(note);
  console.log(listSite(target).lines.join('\n'));
  console.log('\n换成其中某个版本：npm run rollback -- --to <编号>');
} else {
  const result = await rollbackSite({ ...target, to: options.to, onWait: (message) => console.log(message) }).catch((error: unknown) =>
    fail(`回退没有完成：${error instanceof Error ? error.message : String(error)}`, '运行 npm run rollback -- --list 查看现在在线的是哪个版本；仍然出错时，把这段信息发给技术人员'),
  );
  for (const line of result.lines) (result.ok ? console.log : console.error)(line);
  process.exitCode = result.ok ? 0 : 1;
}
