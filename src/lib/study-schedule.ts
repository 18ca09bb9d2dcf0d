/**
 * The study schedule (学习安排): study sessions dated today or later are the plan, shown on the
 * schedule page and as 下次学习 on their station's page; once their day has passed they are part of
 * the activity record. The rotation helper proposes the next session from the configured order.
 */
import type { PartialDate } from './partial-date';

/** What the schedule reads of an activity; collection entries fit it as they are. */
export interface ScheduledLike {
  id: string;
  data: { kind: string; date: PartialDate; unit: { id: string }; host?: { id: string } | undefined };
}

/** The build day in Beijing time, `YYYY-MM-DD`: the day the unit lives in, whatever the server's zone. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A study session not yet held: its date, at the precision it is written, is today or later. A
 * session known only to the month (`2026-06`) stays planned until that month is over.
 */
export function isPlannedStudy(activity: ScheduledLike, now: Date): boolean {
  if (activity.data.kind !== 'study') return false;
  const { key } = activity.data.date;
  return key >= beijingDay(now).slice(0, key.length);
}

/** Planned sessions (soonest first, then by station) and the record (everything else, order kept). */
export function splitSchedule<A extends ScheduledLike>(activities: readonly A[], now: Date): { planned: A[]; record: A[] } {
  const planned = activities
    .filter((a) => isPlannedStudy(a, now))
    .sort((a, b) => (a.data.date.key < b.data.date.key ? -1 : a.data.date.key > b.data.date.key ? 1 : a.data.unit.id < b.data.unit.id ? -1 : 1));
  const ids = new Set(planned.map((a) => a.id));
  return { planned, record: activities.filter((a) => !ids.has(a.id)) };
}

/** The next planned session of each station. */
export function nextStudyByUnit<A extends ScheduledLike>(planned: readonly A[]): Map<string, A> {
  const next = new Map<string, A>();
  for (const activity of planned) if (!next.has(activity.data.unit.id)) next.set(activity.data.unit.id, activity);
  return next;
}

/** The rotation of `site.config.yaml` `studyRotation`. */
export interface StudyRotation {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  stations: readonly string[];
  hosts: readonly string[];
}

export interface RotationProposal {
  /** `YYYY-MM-DD`. */
  date: string;
  unit: string | undefined;
  host: string | undefined;
  /** Why these, in Chinese, for the command's output. */
  reason: string;
}

/** The first `weekday` (1 = Monday) strictly after `day` (`YYYY-MM-DD`). */
export function nextWeekday(day: string, weekday: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const current = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const ahead = ((weekday - current + 7) % 7) || 7;
  return new Date(date.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The next session after the latest study activity: the station after the latest one's in the
 * rotation, and the host after the latest one's. When there are as many hosts as stations they are
 * pairs (each station's own head hosts at home), so the host follows the station. The date is the
 * study weekday after today, or after the latest session when that is already planned.
 */
export function proposeNextStudy(rotation: StudyRotation, studies: readonly ScheduledLike[], now: Date): RotationProposal {
  const latest = [...studies].filter((a) => a.data.kind === 'study').sort((a, b) => (a.data.date.key < b.data.date.key ? -1 : 1)).at(-1);
  const today = beijingDay(now);
  const from = latest && latest.data.date.key.length === 10 && latest.data.date.key > today ? latest.data.date.key : today;
  const date = nextWeekday(from, rotation.weekday);
  const { stations, hosts } = rotation;
  const paired = hosts.length > 0 && hosts.length === stations.length;
  const after = (list: readonly string[], id: string | undefined) => {
    if (list.length === 0) return undefined;
    const index = id === undefined ? -1 : list.indexOf(id);
    return list[(index + 1) % list.length];
  };
  const unit = after(stations, latest?.data.unit.id);
  const host = paired && unit !== undefined ? hosts[stations.indexOf(unit)] : after(hosts, latest?.data.host?.id);
  const reason = latest
    ? `上一次学习是 ${latest.data.date.key}（${latest.id}，${latest.data.unit.id}${latest.data.host ? `，主持 ${latest.data.host.id}` : ''}），按轮值顺序轮到下一位`
    : '还没有学习记录，从轮值顺序的第一位开始';
  return { date, unit, host, reason: `${reason}；日期为其后的第一个周${WEEKDAYS[rotation.weekday - 1]}` };
}
