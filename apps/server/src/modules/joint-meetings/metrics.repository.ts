import type { Executor } from '../../platform/db/database.ts';

/* SQL of the module's metrics: meetings held and decisions due, over the districts asked about. */

/** A date range `YYYY-MM-DD`, inclusive, over some districts. */
export interface MetricWindow {
  districtIds: readonly string[];
  from: string;
  to: string;
}

/**
 * Meetings held (attendance recorded: held, minutes final or closed) whose meeting date lies in
 * the window, by date.
 */
export function listHeldMeetings(db: Executor, w: MetricWindow) {
  if (w.districtIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting')
    .select(['id', 'number', 'title', 'meetingDate', 'state'])
    .where('districtId', 'in', w.districtIds)
    .where('state', '<>', 'planned')
    .where('meetingDate', '>=', w.from)
    .where('meetingDate', '<=', w.to)
    .orderBy('meetingDate')
    .orderBy('number')
    .execute();
}

/**
 * Decisions issued as action items (not drafts) whose deadline lies in the window, with their
 * meeting's number, by deadline.
 */
export function listDecisionsDue(db: Executor, w: MetricWindow) {
  if (w.districtIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('actionItem as a')
    .innerJoin('meeting as m', 'm.id', 'a.meetingId')
    .select([
      'a.id',
      'a.number',
      'a.decision',
      'a.deadline',
      'a.state',
      'a.completedOn',
      'm.number as meetingNumber',
    ])
    .where('m.districtId', 'in', w.districtIds)
    .where('a.state', '<>', 'draft')
    .where('a.deadline', '>=', w.from)
    .where('a.deadline', '<=', w.to)
    .orderBy('a.deadline')
    .orderBy('m.number')
    .orderBy('a.number')
    .execute();
}
