/**
 * The points boards of this build, computed once from the published catalog: which periods have
 * boards, each period's boards with names as this edition may show them, a member's history, and
 * the honours each member received in a year (marked on the yearly board).
 */
import { audience, siteConfig } from 'virtual:honor-roll/context';
import { POINTS_INTERNAL_ONLY, type InternalOnlyMark } from '../lib/internal-only';
import { pointsAudience } from '../lib/points-audience';
import { boardsOf, maskName, officerHistory, pointsPeriods, type Board, type BoardRow, type HistoryPoint } from '../lib/points';
import { parsePointsPeriod, periodContainsMonth, pointsPeriodSlug, type PointsPeriod } from '../lib/points-period';
import { getCatalog, type Honor } from './catalog';
import { unitLabel } from './names';

/** The points rule of this edition (see src/lib/points-audience.ts). */
export const pointsRule = pointsAudience(audience, siteConfig.points.publish);

/**
 * The mark of the boards in the intranet edition when the public site shows no points (the
 * default): they are pages the public edition does not have.
 */
export const pointsInternalOnly: InternalOnlyMark | undefined =
  pointsRule.shown && !pointsAudience('public', siteConfig.points.publish).shown ? POINTS_INTERNAL_ONLY : undefined;

/** The configured categories, in board order. */
export const pointCategories: readonly string[] = siteConfig.points.categories;

/** `/points/2021-03/`: the board page of a period. */
export function pointsPeriodPath(period: PointsPeriod): string {
  return `/points/${pointsPeriodSlug(period)}/`;
}

/** A board line as shown: the member named (or masked) as this edition allows. */
export interface ShownRow extends BoardRow {
  name: string;
  /** The member's profile id, when boards may link to profiles. */
  link: string | undefined;
  /** Honours of the year (yearly boards only). */
  honors: Honor[];
}

export interface ShownBoard extends Omit<Board, 'rows'> {
  unitName: string;
  rows: ShownRow[];
}

/** An honour belongs to a year when it was awarded in it or cites a points period of it. */
function honorYear(honor: Honor): number[] {
  const years = new Set<number>();
  if (honor.data.date) years.add(honor.data.date.year);
  const cited = honor.data.pointsPeriod ? parsePointsPeriod(honor.data.pointsPeriod) : undefined;
  if (cited?.ok) years.add(cited.value.year);
  return [...years];
}

/** Every period with points, newest first; empty when this edition shows no points. */
export async function getPointsPeriods(): Promise<PointsPeriod[]> {
  const { points } = await getCatalog();
  return pointsRule.shown ? pointsPeriods(points) : [];
}

/** The boards of one period, one per unit, in the order of the unit tree. */
export async function getBoards(period: PointsPeriod): Promise<ShownBoard[]> {
  const { points, units, relations } = await getCatalog();
  if (!pointsRule.shown) return [];
  const rule = pointsRule;
  const yearHonors = (officer: string) =>
    period.kind === 'year'
      ? relations.ofOfficer(officer).honors.filter((h) => honorYear(h).includes(period.year))
      : [];
  return boardsOf(points, period, pointCategories, units.map((u) => u.id)).map((board) => {
    const unit = relations.unit(board.unit);
    return {
      ...board,
      unitName: unit ? unitLabel(unit) : board.unit,
      rows: board.rows.map((row) => {
        // Publishing removed members who may not be shown, so every member here has a profile.
        const officer = relations.officer(row.officer);
        const fullName = officer?.data.name ?? row.officer;
        return {
          ...row,
          name: rule.names === 'masked' ? maskName(fullName) : fullName,
          link: rule.profiles && officer ? officer.id : undefined,
          notes: rule.notes ? row.notes : [],
          honors: yearHonors(row.officer),
        };
      }),
    };
  });
}

/** A member's months with points, oldest first; empty where profiles show no points. */
export async function getOfficerHistory(officer: string): Promise<HistoryPoint[]> {
  const { points } = await getCatalog();
  return pointsRule.shown && pointsRule.profiles ? officerHistory(points, officer, pointCategories) : [];
}

/** Whether an honour's cited period has a board in this edition (so it may be linked). */
export async function citedBoard(honor: Honor): Promise<PointsPeriod | undefined> {
  const cited = honor.data.pointsPeriod ? parsePointsPeriod(honor.data.pointsPeriod) : undefined;
  if (!cited?.ok) return undefined;
  const periods = await getPointsPeriods();
  return periods.find((p) => p.key === cited.value.key);
}

/** The quarter and year boards a month board leads to, and the months a longer board is made of. */
export async function relatedPeriods(period: PointsPeriod): Promise<PointsPeriod[]> {
  const periods = await getPointsPeriods();
  return periods.filter(
    (p) => p.key !== period.key && p.year === period.year && (period.kind === 'month' ? p.kind !== 'month' && periodContainsMonth(p, period.key) : p.kind === 'month' && periodContainsMonth(period, p.key)),
  );
}
