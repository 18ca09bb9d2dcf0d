/** Reads and validates `site.config.yaml` with the same friendly messages as the content. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldAt } from '../schemas/field';
import { siteConfigSchema, type SiteConfig } from '../schemas/site-config';
import { displayPath, type Problem } from './check/problem';
import { readDataSource, type SourceFile } from './check/source-file';
import { textProblems } from './check/text-problems';
import { translateIssue } from './check/zod-issues';
import { contactFindings, PUBLISHED_CONTACT_FIELDS } from './gov-footer';
import { PII_LABELS } from './pii';

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
  // The unit's own published phone and mailbox are exempt, in their own fields only, and only for
  // what they are meant to hold (src/lib/gov-footer.ts contactFindings).
  const personal = textProblems(source, { allow: parsed.data.privacy.allow })
    .filter((p) => !(PERSONAL_DATA.has(p.code) && p.field && PUBLISHED_CONTACT_FIELDS.includes(p.field)))
    .map((p) => ({ ...p, file }));
  const contact = contactFindings(parsed.data.contact, parsed.data.privacy.allow).map((found): Problem => {
    const line = source.lineOf(found.field.split('.'));
    const label = fieldAt(siteConfigSchema, found.field.split('.'))?.doc.label ?? found.field;
    const what = `${PII_LABELS[found.kind]}（${found.masked}）`;
    const mobile = found.kind === 'mobile' || found.kind === 'mobile-chinese';
    return {
      severity: found.severity,
      code: found.severity === 'error' ? 'personal-data' : 'possible-personal-data',
      file,
      ...(line ? { line } : {}),
      field: found.field,
      value: found.masked,
      message: `${label}中有${what}，页脚会在每一页公开它${found.severity === 'error' ? '，不能这样发布' : ''}`,
      hint:
        found.field === 'contact.email'
          ? `这像是用${PII_LABELS[found.kind]}作名字的个人邮箱：请改填本单位对外公布的邮箱；如果它确实是单位公开的邮箱，把这个号码加入 site.config.yaml 的 privacy.allow`
          : mobile
            ? `如果是个人手机，请删去${found.field === 'contact.phone' ? '，改填本单位的总机或值班电话' : '，电话写在 contact.phone 中'}；如果是单位对外公布的值班手机，把它加入 site.config.yaml 的 privacy.allow${found.severity === 'warning' ? '，就不再提醒' : ''}`
            : `${label}只填本单位对外公开的内容，请删去它`,
    };
  });
  return { ok: true, config: parsed.data, problems: [...personal, ...contact], source };
}
