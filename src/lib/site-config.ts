/** Reads and validates `site.config.yaml` with the same friendly messages as the content. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfigSchema, type SiteConfig } from '../schemas/site-config';
import { displayPath, type Problem } from './check/problem';
import { readDataSource, type SourceFile } from './check/source-file';
import { textProblems } from './check/text-problems';
import { translateIssue } from './check/zod-issues';

export type { SiteConfig };

/**
 * `ok` when the config can be used; its `problems` may still hold errors (personal data) that stop
 * a build. `source` is the file as read, for the checks that need the content first (the names of
 * unpublished people in its text).
 */
export type SiteConfigResult = { ok: true; config: SiteConfig; problems: Problem[]; source: SourceFile } | { ok: false; problems: Problem[] };

/** Loads the config file; `publicDir` is where a configured logo must exist. */
export function loadSiteConfig(configFile: string, { root, publicDir }: { root: string; publicDir: string }): SiteConfigResult {
  const file = displayPath(root, configFile);
  if (!existsSync(configFile)) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'config',
          file,
          message: '找不到网站配置文件',
          hint: '请创建 site.config.yaml，至少写明 title（网站标题）和 url（网站地址），可参考项目自带的示例',
        },
      ],
    };
  }
  const source = readDataSource(readFileSync(configFile, 'utf8'));
  const problems: Problem[] = source.problems.map((p) => ({ ...p, file }));
  if (source.data === undefined || problems.length > 0) return { ok: false, problems };
  const parsed = siteConfigSchema.safeParse(source.data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        // An unknown key has no path of its own in zod's issue: point at the key itself.
        const line = source.lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path);
        return { ...translateIssue(issue, siteConfigSchema, source.data, source.writtenAt), code: 'config' as const, file, ...(line ? { line } : {}) };
      }),
    };
  }
  const { logo } = parsed.data;
  if (logo && !existsSync(path.join(publicDir, logo))) {
    const line = source.lineOf(['logo']);
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'config',
          file,
          ...(line ? { line } : {}),
          field: 'logo',
          value: logo,
          message: `找不到标志图片 ${logo}`,
          hint: `请把图片放到 public${logo}，或删掉 logo 这一行`,
        },
      ],
    };
  }
  // The title, description and menu are printed on every page: the same personal-data rule as the
  // content, so `npm run check` finds a phone number here instead of the build's last guard.
  const personal = textProblems(source, { allow: parsed.data.privacy.allow }).map((p) => ({ ...p, file }));
  return { ok: true, config: parsed.data, problems: personal, source };
}
