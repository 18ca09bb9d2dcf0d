/**
 * Cross-checks of the points records and the study rotation, which no single file's schema can
 * make: categories come from the site config, a unit's month must be entered once across all
 * files, an honour's `pointsPeriod` should have points behind it, and the rotation must name
 * existing units and people.
 */
import type { CollectionName } from '../../schemas/context';
import type { StudyRotation } from '../study-schedule';
import { parsePointsPeriod, periodContainsMonth } from '../points-period';
import { closestMatches } from '../suggest';
import { referenceSuggestion } from './references';
import type { CheckedEntry, CheckedEntryOf } from './check-content';
import type { Problem } from './problem';

const lineAt = (entry: CheckedEntry, path: (string | number)[]) => {
  const line = entry.lineOf?.(path);
  return line ? { line } : {};
};

/** Unknown categories, and a unit's month entered in two files. */
export function checkPoints(files: readonly CheckedEntryOf<'points'>[], categories: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const months = new Map<string, CheckedEntry>();
  for (const file of files) {
    const { data } = file;
    data.entries.forEach((entry, index) => {
      for (const category of Object.keys(entry.points)) {
        if (categories.includes(category)) continue;
        const close = closestMatches(category, categories, 1);
        problems.push({
          severity: 'error',
          code: 'points',
          file: file.file,
          ...lineAt(file, ['entries', index, 'points', category]),
          field: `entries[${index}].points.${category}`,
          value: category,
          message: `积分类别“${category}”不在网站配置的类别中`,
          hint: `${close.length ? `是不是“${close[0]}”？` : ''}可用的类别：${categories.join('、')}。新的类别请先加到 site.config.yaml 的 points.categories`,
        });
      }
    });
    const key = `${data.unit.id}|${data.month}`;
    const earlier = months.get(key);
    if (!earlier) {
      months.set(key, file);
      continue;
    }
    problems.push({
      severity: 'error',
      code: 'points',
      file: file.file,
      ...lineAt(file, ['month']),
      field: 'month',
      value: data.month,
      message: `${data.unit.id} 的 ${data.month} 积分录入了两次：${earlier.file} 和 ${file.file}`,
      hint: '每个单位每月只能有一个积分文件：把两个文件的人员合并到一个文件中，删除另一个',
    });
  }
  return problems;
}

/** An honour citing a points period for which no points were entered (a typo in the year, usually). */
export function checkPointsPeriods(honors: readonly CheckedEntryOf<'honors'>[], points: readonly CheckedEntryOf<'points'>[]): Problem[] {
  const months = points.map((p) => p.data.month);
  return honors.flatMap((honor): Problem[] => {
    const cited = honor.data.pointsPeriod;
    if (cited === undefined) return [];
    const period = parsePointsPeriod(cited);
    if (!period.ok || months.some((m) => periodContainsMonth(period.value, m))) return [];
    return [
      {
        severity: 'warning',
        code: 'points',
        file: honor.file,
        ...lineAt(honor, ['pointsPeriod']),
        field: 'pointsPeriod',
        value: cited,
        message: `引用的积分期间 ${cited} 没有任何积分记录`,
        hint: '请核对年份、季度或月份；如果这期积分还没有录入，请先在 points 文件夹中录入',
      },
    ];
  });
}

/** Every station and host of the rotation must exist. */
export function checkStudyRotation(rotation: StudyRotation, file: string, ids: ReadonlyMap<CollectionName, ReadonlyMap<string, readonly string[]>>): Problem[] {
  const lists = [
    { key: 'stations', collection: 'units', what: '单位' },
    { key: 'hosts', collection: 'officers', what: '人物' },
  ] as const;
  return lists.flatMap(({ key, collection, what }) =>
    rotation[key].flatMap((id, index): Problem[] => {
      const known = ids.get(collection) ?? new Map<string, readonly string[]>();
      if (known.has(id)) return [];
      return [
        {
          severity: 'error',
          code: 'study-rotation',
          file,
          field: `studyRotation.${key}[${index}]`,
          value: id,
          message: `学习轮值中的${what} “${id}” 不存在`,
          hint: `${referenceSuggestion(id, known, collection, what)}这里写${what}的 id（${collection} 文件夹中的文件名，不含扩展名）`,
        },
      ];
    }),
  );
}
