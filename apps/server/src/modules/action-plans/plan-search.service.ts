import type { Actor } from '../../platform/auth/actor.ts';
import {
  groupOf,
  matchesQuery,
  type SearchGroup,
  type SearchQuery,
} from '../../platform/search/search-sources.ts';
import { listVisiblePlans, loadCachedState, type PlanViewDeps } from './plan-reads.ts';

/**
 * Search source `action-plans`: tasks by number, label (（七）) and title, indicators by name,
 * among exactly the tasks and indicators the plan's own lists show the actor (`loadCachedState`
 * with the actor's scope) in every plan they see. Indicator codes are the coordinator's handle on
 * the plan file: only an actor holding `plan.manage` finds an indicator by its code or sees it.
 */
export async function searchPlan(
  deps: PlanViewDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('plan.read')) return [];
  const seesCodes = actor.permissions.has('plan.manage');
  const zh = query.lang === 'zh';
  const asNumber = /^\d+$/.test(query.text) ? Number(query.text) : null;
  const plans = await listVisiblePlans(deps, actor);
  const states = await Promise.all(plans.map((p) => loadCachedState(deps, actor, p.code)));
  const tasks = states.flatMap((s) =>
    s.tasks
      .filter((t) => t.number === asNumber || matchesQuery(query, t.label, t.title, t.titleEn))
      .map((t) => ({ task: t, plan: s.plan, section: s.sections.find((sec) => sec.id === t.sectionId) })),
  );
  const indicators = states.flatMap((s) =>
    s.indicators
      .filter((i) => matchesQuery(query, i.name, i.nameEn, seesCodes ? i.code : null))
      .map((i) => ({ indicator: i, task: s.tasks.find((t) => t.id === i.taskId) })),
  );
  return [
    groupOf('task', query, tasks, ({ task, plan, section }) => ({
      id: task.id,
      title: `${task.label} ${zh ? task.title : task.titleEn || task.title}`,
      subtitle: [plan.title, section ? (zh ? section.title : section.titleEn || section.title) : '']
        .filter(Boolean)
        .join(' · '),
      unitName: task.units.find((u) => u.role === 'lead')?.name ?? null,
      link: `/tasks/${task.id}`,
    })),
    groupOf('indicator', query, indicators, ({ indicator, task }) => ({
      id: indicator.id,
      title: zh ? indicator.name : indicator.nameEn || indicator.name,
      subtitle: [
        task ? `${task.label} ${zh ? task.title : task.titleEn || task.title}` : '',
        seesCodes ? indicator.code : '',
      ]
        .filter(Boolean)
        .join(' · '),
      unitName: task?.units.find((u) => u.role === 'lead')?.name ?? null,
      link: `/indicators/${indicator.id}`,
    })),
  ];
}
