/**
 * Checking a plan exactly as the build would: the planned files are written into a temporary copy
 * of the content folder and the whole copy goes through `checkContent` (schemas, references,
 * personal data, metric series …). Each problem in a planned file is then said in the sheet's
 * terms: the row it came from and the column of the field.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent, type CheckOptions } from '../check/check-content';
import type { Problem } from '../check/problem';
import { EXTENSIONS } from '../../schemas/index';
import { IMPORT_COLUMNS, type ColumnSpec } from './columns';
import type { Plan, PlannedFile } from './plan';
import type { RowProblem } from './rows';

export interface ValidateOptions {
  contentDir: string;
  now: Date;
  privacyAllow?: readonly string[];
  /** The site config, for the checks that depend on it (point categories). */
  site?: CheckOptions['site'];
  /** How a content file (relative to the content folder) is named in messages. */
  showPath?: (path: string) => string;
}

export interface Validation {
  /** Problems of the planned files, by row and column. */
  problems: RowProblem[];
  /** Problems the content already had before the import (not the sheet's fault). */
  preexisting: Problem[];
}

const ENTRY_EXTENSIONS = new Set([...EXTENSIONS.markdown, ...EXTENSIONS.data]);

/**
 * Copies the content folder. Entry files are copied (the check may see updated versions of
 * them); images are hard-linked where possible, since only their existence matters and a unit's
 * photos can be large.
 */
export function copyContent(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyContent(source, target);
    else if (!entry.isFile()) continue;
    else if (ENTRY_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) copyFileSync(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** A problem's identity across the two checks (line numbers move when a file is updated). */
const identity = (p: Problem) => [p.file, p.code, p.field ?? '', p.message].join('\u0000');

/** `recipients.officers[0]` → the row and the field path without list positions. */
function place(problem: Problem, file: PlannedFile): { row: number; field: string } {
  const field = problem.field ?? '';
  // Items of a data file's list (a metric, a member's points) each come from a row of their own.
  const item = /^(metrics|entries)\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (item) {
    const [, list, index, rest] = item;
    return { row: file.metricRows.get(Number(index)) ?? file.rows[0]!, field: rest ? `${list}.${rest.replace(/\[\d+\]/g, '')}` : list! };
  }
  return { row: file.rows[0]!, field: field === '正文' ? 'body' : field.replace(/\[\d+\]/g, '') };
}

/** Says a check problem in the sheet's terms. */
function toRowProblem(problem: Problem, file: PlannedFile, plan: Plan): RowProblem {
  const { row, field } = place(problem, file);
  // The sheet's own columns first: a points sheet has a column per category besides the fixed ones.
  const specs = [...new Set([...plan.columns.map((c) => c.spec), ...IMPORT_COLUMNS[plan.collection]])];
  const shown = (spec: ColumnSpec) => plan.columns.find((c) => c.spec === spec)?.header ?? spec.header;
  const spec = specs.find((s) => s.field === field);
  const group = spec ? [] : specs.filter((s) => s.field.startsWith(`${field}.`));
  const column = spec ? shown(spec) : group.length ? group.map(shown).join('」「') : undefined;
  const base = { severity: problem.severity, row, ...(column ? { column } : {}) };
  const present = spec ? plan.columns.some((c) => c.spec === spec) : true;
  // "scope（荣誉类别）：…": the column already says which field.
  const message = problem.message.replace(/^[\w.[\]]+（[^）]*）\s*[：:]?\s*/, '');

  if (problem.code === 'required' && spec) {
    return present
      ? { ...base, message: `「${shown(spec)}」不能为空`, hint: spec.note }
      : { ...base, message: `表格中没有「${spec.header}」列，这是必填项`, hint: `请添加一列「${spec.header}」：${spec.note}` };
  }
  if (problem.code === 'recipients') {
    if (field === 'recipients.units') {
      return {
        ...base,
        message: '「类别」是个人，却填写了「获奖单位」',
        hint: '集体荣誉请把「类别」改为“集体”；个人荣誉请删去「获奖单位」，改填「获奖人物」或「其他获奖者」',
      };
    }
    if (problem.message.includes('collective')) {
      return {
        ...base,
        message: '「类别」是集体，但获奖者只有「获奖人物」',
        hint: '请在「获奖单位」或「其他获奖者」中填写获奖的集体；如果是个人荣誉，把「类别」改为“个人”',
      };
    }
    return plan.collection === 'letters'
      ? { ...base, message: '致谢对象为空：这两列至少要填一项', hint: '被感谢的人写在「致谢人物」（姓名或 id），被感谢的单位写在「致谢单位」' }
      : {
          ...base,
          message: '获奖者为空：这几列至少要填一项',
          hint: '有人物页的获奖者写在「获奖人物」，获奖单位写在「获奖单位」，其他人或集体写在「其他获奖者」，只知道人数时写「获奖人数」',
        };
  }
  if (problem.code === 'consent-missing') {
    return {
      ...base,
      message: '「同意公开」不是“是”，这个人物不会出现在公开网站上',
      hint: '取得本人书面同意后，在「同意公开」列填“是”（可以用 --update 补上）',
    };
  }
  if (problem.code === 'metric-duplicate' && problem.severity === 'error') {
    const positions = /第 (\d+) 项和第 (\d+) 项/.exec(problem.message);
    const rows = positions ? [Number(positions[1]) - 1, Number(positions[2]) - 1].map((i) => file.metricRows.get(i)) : [];
    return {
      ...base,
      message: `指标代码 ${problem.value ?? ''} 在同一期中出现了两次${rows.every(Boolean) ? `（第 ${rows.join(' 行和第 ')} 行）` : ''}`.replace('  ', ' '),
      hint: '同一期中每个指标只能有一行：删去重复的一行，或给其中一行换一个「指标代码」',
    };
  }
  return { ...base, message, ...(problem.hint ? { hint: problem.hint } : {}) };
}

/** Checks the plan against a copy of the content; the real content folder is not touched. */
export function validatePlan(plan: Plan, { contentDir, now, privacyAllow = [], site, showPath = (p) => p }: ValidateOptions): Validation {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-import-'));
  try {
    const copy = path.join(temp, 'content');
    copyContent(contentDir, copy);
    // The rotation names ids of the real content; its problems are the config's, not the sheet's.
    const checkSite = site && { ...site, config: { ...site.config, studyRotation: { weekday: 1, stations: [], hosts: [] } } };
    const check = () => checkContent({ root: temp, contentDir: copy, now, privacyAllow, site: checkSite }).problems;
    const before = check();
    for (const file of [...plan.files, ...plan.probes]) {
      const target = path.join(copy, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    const after = plan.files.length + plan.probes.length ? check() : before;
    const known = new Set(before.map(identity));
    const byFile = new Map([...plan.files, ...plan.probes].map((f) => [`content/${f.path}`, f]));
    // A cell that could not be read was left out of its row's file: the check then finds the
    // field missing, which the clerk has already been told in other words.
    const told = new Set(plan.problems.filter((p) => p.row !== undefined && p.column).map((p) => `${p.row}\u0000${p.column}`));
    const alreadyTold = (p: RowProblem) => p.row !== undefined && (p.column ?? '').split('」「').some((column) => told.has(`${p.row}\u0000${column}`));
    const problems: RowProblem[] = [];
    // Messages name files of the copy (content/stats/x.yaml): name the real ones instead.
    const real = (text: string) => text.replace(/\bcontent\/((?:units|officers|honors|letters|stats|activities|points)\/[\w./-]+)/g, (_, p: string) => showPath(p));
    // A probe stands in for a row that could not be read; that it repeats a good row's unit and
    // month (points) is not a further mistake of the sheet.
    const probePaths = plan.probes.map((p) => `content/${p.path}`);
    const aboutProbe = (p: Problem) => probePaths.some((probe) => p.file !== probe && p.message.includes(probe));
    for (const found of after) {
      if (known.has(identity(found)) || aboutProbe(found)) continue;
      const problem = { ...found, message: real(found.message), ...(found.hint ? { hint: real(found.hint) } : {}) };
      const file = byFile.get(problem.file);
      if (file) {
        const located = toRowProblem(problem, file, plan);
        if (!alreadyTold(located)) problems.push(located);
      } else {
        // A problem that appears in an untouched file only with the new files present, such as a
        // metric whose counting word differs from the new period's.
        problems.push({
          severity: problem.severity,
          message: `${showPath(problem.file.replace(/^content\//, ''))}：${problem.message}`,
          ...(problem.hint ? { hint: problem.hint } : {}),
        });
      }
    }
    return { problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), preexisting: before };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
