import type { Actor } from '../../platform/auth/actor.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import type { CooperationDeps } from './cooperation.deps.ts';
import { mayActAsEnterprise, mayKeepAsSchool } from './cooperation.policy.ts';
import { listApprenticeships } from './cooperation.repository.ts';

const LIMIT = 200;

/**
 * Todo source `cooperation`, the actor's own unit's work only: for an enterprise, the
 * apprenticeships its school partners approved that wait for its approval; for a school, its draft
 * apprenticeships (new, or returned by the enterprise) to complete and approve. Each is due on the
 * programme's start date.
 */
export function createCooperationTodos(deps: CooperationDeps): TodoSource {
  return async (actor: Actor, lang: 'zh' | 'en', today: string) => {
    const own = { all: false as const, unitIds: [actor.orgUnitId] };
    const page = { limit: LIMIT, offset: 0 };
    const unit = (await unitRefsByIds(deps.db, [actor.orgUnitId])).get(actor.orgUnitId);
    if (!unit) return [];
    const items: TodoItem[] = [];
    const add = (r: { id: string; title: string; startsOn: string }, kind: string, zh: string, en: string) =>
      items.push({
        id: `cooperation:${kind}:${r.id}`,
        source: 'cooperation',
        kind,
        title: lang === 'zh' ? `${zh}：${r.title}` : `${en}: ${r.title}`,
        unit,
        dueDate: r.startsOn,
        daysLate: daysLateOf(r.startsOn, today),
        link: `/cooperation/apprenticeships/${r.id}`,
        count: null,
      });
    if (mayActAsEnterprise(actor, actor.orgUnitId)) {
      const rows = await listApprenticeships(deps.db, own, { state: 'school_approved' }, page);
      for (const r of rows.filter((x) => x.enterpriseId === actor.orgUnitId))
        add(r, 'apprenticeship_enterprise_approval', '审批学徒制项目', 'Approve the apprenticeship');
    }
    if (mayKeepAsSchool(actor, actor.orgUnitId)) {
      const rows = await listApprenticeships(deps.db, own, { state: 'draft' }, page);
      for (const r of rows.filter((x) => x.schoolId === actor.orgUnitId))
        add(
          r,
          'apprenticeship_school_approval',
          '完善并审批学徒制项目',
          'Complete and approve the apprenticeship',
        );
    }
    return items;
  };
}
