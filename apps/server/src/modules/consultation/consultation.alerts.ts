import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import { APPROACHING_DAYS } from '../../platform/alerts/alert-tiers.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import { commentBacklogAlert } from './consultation-alerts.rules.ts';
import { listOpenConsultationBacklogs } from './consultation-alerts.repository.ts';
import { canManageConsultation } from './consultation.policy.ts';

/**
 * Alert source `consultation`: an open consultation whose comment period ends within 7 days
 * (`comments_backlog_due`, blue) or has ended (`comments_backlog_overdue`, yellow, red after 30
 * days) while comments still wait for moderation or a reply — addressed to the district running it
 * and seen only by its editors (`consultation.manage` there), with both counts.
 */
export function createConsultationAlerts(deps: { db: Executor }) {
  return async function alerts(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    if (!actor.permissions.has('consultation.manage')) return [];
    if (!actor.scope.all && !actor.districtId) return [];
    const rows = await listOpenConsultationBacklogs(deps.db, {
      districtId: actor.scope.all ? null : actor.districtId,
      endsBy: new Date(`${addDays(today, APPROACHING_DAYS + 1)}T00:00:00+08:00`),
    });
    const visible = rows.filter((c) => canManageConsultation(actor, c));
    const units = await unitRefsByIds(
      deps.db,
      visible.map((c) => c.districtId),
    );
    return visible.flatMap((c): SourcedAlert[] => {
      const alert = commentBacklogAlert(c, today);
      const unit = units.get(c.districtId);
      if (!alert || !unit) return [];
      return [
        {
          id: `consultation:${c.id}`,
          source: 'consultation',
          ...alert,
          unit: { id: unit.id, code: unit.code, name: unit.name },
          title: lang === 'zh' ? `征求意见：${c.title}` : `Consultation: ${c.title}`,
          message: backlogMessage(lang, c, alert),
          link: `/consultations/${c.id}`,
        },
      ];
    });
  };
}

function backlogMessage(
  lang: 'zh' | 'en',
  c: { pending: number; unreplied: number },
  a: { dueDate: string; daysLate: number },
): string {
  const late = a.daysLate > 0;
  if (lang === 'zh') {
    const what = [
      c.pending > 0 ? `${c.pending} 条意见待审核` : '',
      c.unreplied > 0 ? `${c.unreplied} 条已公开意见待答复` : '',
    ].filter(Boolean);
    return late
      ? `征求意见期已于 ${a.dueDate} 结束（已过 ${a.daysLate} 天），仍有 ${what.join('、')}`
      : `征求意见期将于 ${a.dueDate} 结束（剩 ${-a.daysLate} 天），尚有 ${what.join('、')}`;
  }
  const what = [
    c.pending > 0 ? `${c.pending} comments await moderation` : '',
    c.unreplied > 0 ? `${c.unreplied} published comments await a reply` : '',
  ].filter(Boolean);
  return late
    ? `The comment period ended on ${a.dueDate} (${a.daysLate} days ago); ${what.join(' and ')}`
    : `The comment period ends on ${a.dueDate} (${-a.daysLate} days left); ${what.join(' and ')}`;
}
