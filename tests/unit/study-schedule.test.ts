import { describe, expect, it } from 'vitest';
import { beijingDay, isPlannedStudy, nextStudyByUnit, nextWeekday, proposeNextStudy, splitSchedule } from '../../src/lib/study-schedule';
import { activity } from './helpers/entries';

/** Wednesday 2026-06-03, 09:00 Beijing time. */
const now = new Date('2026-06-03T01:00:00Z');
const ROTATION = { weekday: 1, stations: ['dongjin', 'lianhua', 'muchun', 'wentai'], hosts: ['diao', 'li', 'mu', 'wen'] };

describe('the schedule and the record', () => {
  it('reads the build day in Beijing time, whatever the server zone', () => {
    expect(beijingDay(new Date('2026-06-02T16:30:00Z'))).toBe('2026-06-03');
  });

  it.each([
    ['study', '2026-06-08', true],
    ['study', '2026-06-03', true],
    ['study', '2026-06-02', false],
    ['study', '2026-06', true],
    ['study', '2026-05', false],
    ['study', '2027', true],
    ['party-day', '2026-06-08', false],
  ])('a %s dated %s is planned: %s', (kind, date, planned) => {
    expect(isPlannedStudy(activity('a', { kind, date }), now)).toBe(planned);
  });

  it('moves planned sessions, soonest first, out of the record and keeps the rest in order', () => {
    const list = [
      activity('later', { date: '2026-06-15', unit: 'lianhua' }),
      activity('soon', { date: '2026-06-08', unit: 'dongjin' }),
      activity('held', { date: '2026-06-01' }),
      activity('security', { kind: 'security', date: '2026-07-01' }),
    ];
    const { planned, record } = splitSchedule(list, now);
    expect(planned.map((a) => a.id)).toEqual(['soon', 'later']);
    expect(record.map((a) => a.id)).toEqual(['held', 'security']);
    expect([...nextStudyByUnit(planned).entries()].map(([unit, a]) => `${unit}:${a.id}`)).toEqual(['dongjin:soon', 'lianhua:later']);
  });
});

describe('the rotation helper', () => {
  it.each([
    ['2026-06-03', 1, '2026-06-08'],
    ['2026-06-08', 1, '2026-06-15'],
    ['2026-06-07', 1, '2026-06-08'],
    ['2026-06-03', 3, '2026-06-10'],
    ['2026-06-03', 7, '2026-06-07'],
  ])('the study day after %s (weekday %i) is %s', (day, weekday, next) => {
    expect(nextWeekday(day, weekday)).toBe(next);
  });

  it('starts with the first station and host when there is no study yet', () => {
    expect(proposeNextStudy(ROTATION, [], now)).toMatchObject({ date: '2026-06-08', unit: 'dongjin', host: 'diao' });
  });

  it('gives the next station its own host, after the latest session', () => {
    const studies = [activity('a', { date: '2026-05-25', unit: 'dongjin', host: 'diao' }), activity('b', { date: '2026-06-01', unit: 'lianhua', host: 'li' })];
    const proposal = proposeNextStudy(ROTATION, studies, now);
    expect(proposal).toMatchObject({ date: '2026-06-08', unit: 'muchun', host: 'mu' });
    expect(proposal.reason).toContain('上一次学习是 2026-06-01（b');
    expect(proposal.reason).toContain('周一');
  });

  it('wraps around, and schedules after a session already planned', () => {
    const studies = [activity('a', { date: '2026-06-08', unit: 'wentai', host: 'wen' })];
    expect(proposeNextStudy(ROTATION, studies, now)).toMatchObject({ date: '2026-06-15', unit: 'dongjin', host: 'diao' });
  });

  it('rotates hosts on their own when they are not one per station, and ignores other kinds of activity', () => {
    const rotation = { weekday: 1, stations: ['dongjin', 'lianhua'], hosts: ['x', 'y', 'z'] };
    const studies = [activity('a', { date: '2026-06-01', unit: 'lianhua', host: 'y' }), activity('b', { kind: 'security', date: '2026-06-02', unit: 'dongjin', host: 'z' })];
    expect(proposeNextStudy(rotation, studies, now)).toMatchObject({ unit: 'dongjin', host: 'z' });
  });

  it('leaves station and host open when the config names none', () => {
    expect(proposeNextStudy({ weekday: 1, stations: [], hosts: [] }, [], now)).toMatchObject({ unit: undefined, host: undefined });
  });
});
