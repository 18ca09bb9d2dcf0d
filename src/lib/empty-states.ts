/**
 * What a page says where there is nothing yet — a unit just started with `npm run init` has only
 * its own unit. Two audiences: the public reads a neutral line (暂无榜样人物。) or nothing, and
 * never a command; the clerk, in the editor's preview or `npm run dev`, also reads what is missing
 * and how to add it, in the editor and on the command line. The wording lives here, once; the
 * components only choose where it goes.
 */
import { COLLECTIONS, describeCollection, type CollectionName } from '../schemas/index';
import { KIND_COLLECTIONS } from './authoring/templates';
import { IMPORT_COLLECTIONS } from './import/columns';

/** The collections a list page shows. */
export type ListCollection = 'officers' | 'honors' | 'letters' | 'stats' | 'activities';

/** Where something can be missing: a list, the planned study sessions, a unit's own introduction. */
export type EmptyTopic = ListCollection | 'schedule' | 'unit-about';

export interface EmptyState {
  /** What the public reads there; none: the public site shows nothing in its place. */
  public?: string;
  /** What the clerk is told is missing. */
  missing: string;
  /** How to add it: the editor first, then the command line. */
  ways: string[];
}

/** What each list is called on the site. */
const LIST_NAMES: Record<ListCollection, string> = {
  officers: '榜样人物',
  honors: '荣誉记录',
  letters: '群众感谢',
  stats: '工作数据',
  activities: '活动记录',
};

/** The lists in the order the home page shows them. */
export const LIST_COLLECTIONS = Object.keys(LIST_NAMES) as ListCollection[];

/** `npm run new -- officer 姓名 --unit dong-hu`: the kind and the first thing it asks for, from the field descriptions. */
function newCommand(collection: CollectionName, unitId: string | undefined): string | undefined {
  const kind = (Object.keys(KIND_COLLECTIONS) as (keyof typeof KIND_COLLECTIONS)[]).find((k) => KIND_COLLECTIONS[k] === collection);
  if (!kind) return undefined;
  const name = describeCollection(collection).find((f) => f.required && f.doc.input === 'text')?.doc.label ?? '名称';
  const unit = describeCollection(collection).some((f) => f.key === 'unit' && f.required) && unitId ? ` --unit ${unitId}` : '';
  return `npm run new -- ${kind} ${name}${unit}`;
}

/** The ways to add an entry of a collection. */
function waysToAdd(collection: CollectionName, unitId: string | undefined): string[] {
  const { label } = COLLECTIONS[collection];
  const command = newCommand(collection, unitId);
  return [
    `在编辑台（npm run edit）中点“${label}”，再点“新建${label}”`,
    ...(command ? [`或在命令行运行 ${command}`] : []),
    ...((IMPORT_COLLECTIONS as readonly string[]).includes(collection) ? [`已有表格时：npm run import -- ${collection} 表格.xlsx（模板在 docs/templates/ 中）`] : []),
  ];
}

/**
 * What to say where `topic` has nothing. `unit` is the unit the page is about (the site's own
 * on the lists): its id goes into the commands, its name into the advice.
 */
export function emptyState(topic: EmptyTopic, unit?: { id: string; name: string }): EmptyState {
  switch (topic) {
    case 'schedule':
      return {
        public: '暂无已安排的学习。',
        missing: '还没有安排学习。',
        ways: [
          '在编辑台中新建一项类型为“学习”的活动，日期写将来的日子',
          '或按 site.config.yaml 中的学习轮值（studyRotation）推算下一次：npm run new -- activity --rotate 学习主题',
        ],
      };
    case 'unit-about':
      return {
        missing: `${unit ? `“${unit.name}”` : '这个单位'}还没有简介和单位介绍。`,
        ways: [
          `在编辑台中点“${COLLECTIONS.units.label}”，打开${unit ? `“${unit.name}”` : '这个单位'}，填写“简介”和“单位介绍”`,
          `或打开 units 文件夹中的 ${unit?.id ?? '单位 id'}.md：去掉 summary 行首的 #，填写简介；单位介绍写在文件末尾的 --- 之后`,
        ],
      };
    default:
      return { public: `暂无${LIST_NAMES[topic]}。`, missing: `还没有${LIST_NAMES[topic]}。`, ways: waysToAdd(topic, unit?.id) };
  }
}

/** What the home page of a site with no entries at all tells the public: deliberate, not broken. */
export function comingSoon(): string {
  const names = LIST_COLLECTIONS.map((c) => LIST_NAMES[c]);
  return `本单位的${names.slice(0, -1).join('、')}和${names.at(-1)}正在整理，将陆续在这里发布。`;
}

/** The heading of the clerk's note on what is still missing, and what it says about itself. */
export const AUTHORING_HINT = {
  heading: '编辑提示',
  note: '只在编辑台预览和 npm run dev 中显示，公开的网站上不会出现。',
} as const;

/**
 * What the poster invites readers to scan for: the counts when there is something to count,
 * the site itself otherwise (扫码查看全部 0 位榜样人物 reads as a broken site).
 */
export function posterInvite(officers: number, honors: number, title: string): string {
  const parts = [officers > 0 ? `${officers} 位榜样人物` : '', honors > 0 ? `${honors} 项荣誉` : ''].filter(Boolean);
  return parts.length > 0 ? `扫码查看全部 ${parts.join('和 ')}` : `扫码访问${title}`;
}
