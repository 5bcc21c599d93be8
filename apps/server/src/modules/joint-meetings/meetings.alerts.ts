import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AlertSource, SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { APPROACHING_DAYS, daysBetween } from '../../platform/alerts/alert-tiers.ts';
import { listActionItems } from './action-items.repository.ts';
import { listMissingRemarks } from './meetings.repository.ts';
import { itemLateness } from './meetings.view.ts';

/** Days before the meeting when a missing remark turns from blue to yellow. */
export const REMARKS_URGENT_DAYS = 2;

/**
 * The joint meeting's alerts (预警) for what the actor may see:
 * - `action_item_due` / `action_item_overdue`: an action item due within 7 days (blue), up to 30
 *   days late (yellow) or later (red), addressed to its responsible unit;
 * - `remarks_missing`: a member unit that has not added remarks to its status report for a
 *   planned meeting in the next 7 days (blue; yellow from 2 days before).
 */
export function createMeetingAlertSource(db: Kysely<Database>): AlertSource {
  return async (actor: Actor, lang, today) => {
    if (!actor.permissions.has('meeting.read')) return [];
    const scope = actor.scope.all ? null : actor.scope.orgUnitIds;
    const inScope = (unitId: string) => !scope || scope.includes(unitId);
    const alerts: SourcedAlert[] = [];
    const horizon = new Date(Date.parse(today) + APPROACHING_DAYS * 86_400_000).toISOString().slice(0, 10);
    const items = await listActionItems(db, {
      scope,
      states: ['open', 'submitted', 'returned'],
      deadlineBefore: horizon,
    });
    for (const item of items) {
      const { daysLate, tier } = itemLateness(item, today);
      if (tier === null || daysLate === null || !inScope(item.responsibleUnitId)) continue;
      const late = daysLate > 0;
      alerts.push({
        id: `joint-meetings:action_item:${item.id}`,
        source: 'joint-meetings',
        kind: late ? 'action_item_overdue' : 'action_item_due',
        tier,
        unit: item.responsibleUnit,
        title: lang === 'zh' ? `议定事项：${item.decision}` : `Action item: ${item.decision}`,
        message:
          lang === 'zh'
            ? late
              ? `${item.meetingTitle}议定事项已超过完成时限 ${daysLate} 天（限期 ${item.deadline}）`
              : `${item.meetingTitle}议定事项将于 ${item.deadline} 到期（剩 ${-daysLate} 天）`
            : late
              ? `Action item of ${item.meetingTitle} is ${daysLate} days past its deadline (${item.deadline})`
              : `Action item of ${item.meetingTitle} is due on ${item.deadline} (${-daysLate} days left)`,
        dueDate: item.deadline,
        daysLate,
        link: `/meetings/action-items/${item.id}`,
      });
    }
    for (const r of await listMissingRemarks(db, { scope, from: today, to: horizon })) {
      const left = daysBetween(today, r.meetingDate);
      alerts.push({
        id: `joint-meetings:remarks:${r.meetingId}:${r.orgUnitId}`,
        source: 'joint-meetings',
        kind: 'remarks_missing',
        tier: left <= REMARKS_URGENT_DAYS ? 'yellow' : 'blue',
        unit: r.unit,
        title: lang === 'zh' ? `联席会议情况汇报：${r.title}` : `Joint meeting status report: ${r.title}`,
        message:
          lang === 'zh'
            ? `会议将于 ${r.meetingDate} 召开（剩 ${left} 天），本单位情况汇报尚未填写情况说明`
            : `The meeting is on ${r.meetingDate} (${left} days left); your unit has not added remarks to its status report`,
        dueDate: r.meetingDate,
        daysLate: -left,
        link: `/meetings/${r.meetingId}`,
      });
    }
    return alerts;
  };
}
