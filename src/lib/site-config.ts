/** Reads and validates `site.config.yaml` with the same friendly messages as the content. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfigSchema, type SiteConfig } from '../schemas/site-config';
import { displayPath, type Problem } from './check/problem';
import { readDataSource, type SourceFile } from './check/source-file';
import { textProblems } from './check/text-problems';
import { translateIssue } from './check/zod-issues';
import { PUBLISHED_CONTACT_FIELDS, unlistedMobiles } from './gov-footer';

/** The problems the personal-data rules raise. */
const PERSONAL_DATA: ReadonlySet<string> = new Set(['personal-data', 'possible-personal-data']);

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
  // Images the config names must be in public/: the logo, and the 党政机关网站标识.
  const images = [
    { path: ['logo'], image: parsed.data.logo, message: '找不到标志图片', remove: '删掉 logo 这一行' },
    { path: ['filing', 'badge', 'image'], image: parsed.data.filing.badge?.image, message: '找不到党政机关网站标识图片', remove: '删掉 image 这一行（页脚改为显示文字链接）' },
  ];
  const missing = images.find(({ image }) => image && !existsSync(path.join(publicDir, image)));
  if (missing) {
    const line = source.lineOf(missing.path);
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'config',
          file,
          ...(line ? { line } : {}),
          field: missing.path.join('.'),
          value: missing.image!,
          message: `${missing.message} ${missing.image}`,
          hint: `请把图片放到 public${missing.image}，或${missing.remove}`,
        },
      ],
    };
  }
  // The title, description and menu are printed on every page: the same personal-data rule as the
  // content, so `npm run check` finds a phone number here instead of the build's last guard.
  // The unit's own published contact is exempt, in its own fields only (src/lib/gov-footer.ts).
  const personal = textProblems(source, { allow: parsed.data.privacy.allow })
    .filter((p) => !(PERSONAL_DATA.has(p.code) && p.field && PUBLISHED_CONTACT_FIELDS.includes(p.field)))
    .map((p) => ({ ...p, file }));
  // …but a mobile number there is asked about, once per number, until the unit lists it as public.
  const phoneLine = source.lineOf(['contact', 'phone']);
  const mobiles = unlistedMobiles(parsed.data.contact.phone, parsed.data.privacy.allow).map(
    (masked): Problem => ({
      severity: 'warning',
      code: 'possible-personal-data',
      file,
      ...(phoneLine ? { line: phoneLine } : {}),
      field: 'contact.phone',
      value: masked,
      message: `联系电话中有手机号码（${masked}），页脚会在每一页公开它`,
      hint: '如果是个人手机，请删去，改填本单位的总机或值班电话；如果是单位对外公布的值班手机，把它加入 site.config.yaml 的 privacy.allow，就不再提醒',
    }),
  );
  return { ok: true, config: parsed.data, problems: [...personal, ...mobiles], source };
}
