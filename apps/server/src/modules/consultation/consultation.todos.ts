import type { Actor } from '../../platform/auth/actor.ts';
import { lastDayOf } from '../../platform/alerts/alert-tiers.ts';
import type { Executor } from '../../platform/db/database.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import { listOpenConsultationBacklogs } from './consultation-alerts.repository.ts';
import { canManageConsultation } from './consultation.policy.ts';

type Lang = 'zh' | 'en';

/**
 * Todo source `consultation`: for the district's editors (`consultation.manage`, who moderate and
 * answer), each open consultation with comments waiting for moderation (`comments_to_moderate`)
 * or published ones waiting for a reply (`comments_to_reply`), counted, due as the comment period
 * ends.
 */
export function createConsultationTodos(deps: { db: Executor }): TodoSource {
  return async (actor: Actor, lang: Lang, today: string) => {
    if (!actor.permissions.has('consultation.manage')) return [];
    if (!actor.scope.all && !actor.districtId) return [];
    const rows = await listOpenConsultationBacklogs(deps.db, {
      districtId: actor.scope.all ? null : actor.districtId,
    });
    const visible = rows.filter((c) => canManageConsultation(actor, c));
    const units = await unitRefsByIds(
      deps.db,
      visible.map((c) => c.districtId),
    );
    return visible.flatMap((c): TodoItem[] => {
      const unit = units.get(c.districtId);
      if (!unit) return [];
      const dueDate = lastDayOf(c.closesAt);
      const item = (kind: string, n: number, zh: string, en: string): TodoItem[] =>
        n > 0
          ? [
              {
                id: `consultation:${kind}:${c.id}`,
                source: 'consultation',
                kind,
                title: lang === 'zh' ? `${zh}：${c.title}（${n} 条）` : `${en}: ${c.title} (${n})`,
                unit: { id: unit.id, code: unit.code, name: unit.name },
                dueDate,
                daysLate: daysLateOf(dueDate, today),
                link: `/consultation/${c.id}`,
                count: n,
              },
            ]
          : [];
      return [
        ...item('comments_to_moderate', c.pending, '审核公众意见', 'Moderate comments'),
        ...item('comments_to_reply', c.unreplied, '答复公众意见', 'Reply to comments'),
      ];
    });
  };
}
