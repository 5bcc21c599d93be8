import type { Actor } from '../../platform/auth/actor.ts';
import { daysLateOf, type TodoItem } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { canReview, mayClosePlan } from './action-plans.policy.ts';
import { periodLabelEn } from './periods.ts';
import { listReportRows, type ReportRow } from './progress.repository.ts';
import { listVisiblePlans, loadCachedState, type PlanViewDeps } from './plan-reads.ts';

type Lang = 'zh' | 'en';
type State = Awaited<ReturnType<typeof loadCachedState>>;

/** Reports waiting for review listed at most (the review page pages through the rest). */
const REVIEW_LIMIT = 200;

/**
 * The plan's todos (我的待办) for `actor`:
 * - `report_to_write`: a task the actor's unit leads with periods begun and no report handed in
 *   (one item per task, due by the earliest missing period's due date, counting the periods);
 * - `report_returned`: the unit's reports the reviewer returned, to fix and hand in again;
 * - `report_to_review`: reports handed in, for a reviewer who did not write them;
 * - `final_evaluation_due`: an ended plan's final evaluation, for its coordinator.
 */
export async function todos(
  deps: PlanViewDeps,
  actor: Actor,
  lang: Lang,
  today: string,
): Promise<TodoItem[]> {
  if (!actor.permissions.has('plan.read')) return [];
  const plans = (await listVisiblePlans(deps, actor)).filter((p) => p.status === 'published');
  const out: TodoItem[] = [];
  const states = new Map<string, State>();
  for (const plan of plans) {
    const state = await loadCachedState(deps, actor, plan.code);
    states.set(plan.code, state);
    if (state.lifecycle.phase === 'closed') continue;
    if (actor.permissions.has('progress.report')) out.push(...reportsToWrite(actor, lang, today, state));
    if (state.lifecycle.phase === 'ended' && mayClosePlan(actor, plan)) {
      const district = (await unitRefsByIds(deps.db, [plan.districtId])).get(plan.districtId);
      if (district)
        out.push({
          id: `action-plans:evaluation:${plan.id}`,
          source: 'action-plans',
          kind: 'final_evaluation_due',
          title: lang === 'zh' ? `终期评估：${plan.title}` : `Final evaluation: ${plan.titleEn}`,
          unit: unitOf(district),
          dueDate: state.lifecycle.evaluationDueOn,
          daysLate: daysLateOf(state.lifecycle.evaluationDueOn, today),
          link: `/plans/${plan.code}/evaluation`,
          count: null,
        });
    }
  }
  if (actor.permissions.has('progress.report')) {
    const returned = await listReportRows(deps.db, { orgUnitIds: [actor.orgUnitId], state: 'returned' });
    out.push(
      ...returned.map((r) => reportItem('report_returned', r, lang, today, states, `/progress/${r.id}/edit`)),
    );
  }
  if (canReview(actor)) {
    const scope = actor.scope.all ? null : actor.scope.orgUnitIds;
    const waiting = await listReportRows(deps.db, {
      orgUnitIds: scope,
      state: 'submitted',
      limit: REVIEW_LIMIT,
    });
    out.push(
      ...waiting
        .filter((r) => r.createdBy !== actor.userId && states.has(r.planCode))
        .map((r) => reportItem('report_to_review', r, lang, today, states, `/review`)),
    );
  }
  return out;
}

function reportsToWrite(actor: Actor, lang: Lang, today: string, state: State): TodoItem[] {
  const begun = state.periods.filter((p) => p.startsOn <= today);
  return state.tasks.flatMap((task): TodoItem[] => {
    const unit = task.units.find((u) => u.id === actor.orgUnitId && u.role === 'lead');
    if (!unit) return [];
    const missing = begun.filter((p) => !state.handedIn.has(`${task.id}:${p.id}`));
    const first = missing[0];
    if (!first) return [];
    const period = lang === 'zh' ? first.label : periodLabelEn(first.label);
    const taskTitle = lang === 'zh' ? task.title : task.titleEn;
    return [
      {
        id: `action-plans:write:${task.id}:${first.id}`,
        source: 'action-plans',
        kind: 'report_to_write',
        title:
          lang === 'zh'
            ? `填报进展：${task.label}${taskTitle}（${period}${missing.length > 1 ? ` 起 ${missing.length} 期` : ''}）`
            : `Progress report: ${task.label} ${taskTitle} (${period}${missing.length > 1 ? ` onwards, ${missing.length} periods` : ''})`,
        unit: unitOf(unit),
        dueDate: first.dueOn,
        daysLate: daysLateOf(first.dueOn, today),
        link: `/progress/new?taskId=${task.id}&periodId=${first.id}`,
        count: missing.length,
      },
    ];
  });
}

function reportItem(
  kind: 'report_returned' | 'report_to_review',
  r: ReportRow,
  lang: Lang,
  today: string,
  states: ReadonlyMap<string, State>,
  link: string,
): TodoItem {
  const period = states.get(r.planCode)?.periods.find((p) => p.id === r.periodId);
  const dueDate = kind === 'report_returned' ? (period?.dueOn ?? null) : null;
  const label = lang === 'zh' ? r.periodLabel : periodLabelEn(r.periodLabel);
  const verb =
    kind === 'report_returned'
      ? { zh: '修改退回的进展报告', en: 'Fix the returned report' }
      : { zh: '审核进展报告', en: 'Review the report' };
  return {
    id: `action-plans:${kind}:${r.id}`,
    source: 'action-plans',
    kind,
    title:
      lang === 'zh'
        ? `${verb.zh}：${r.unitName} ${r.taskLabel}${r.taskTitle}（${label}）`
        : `${verb.en}: ${r.unitName}, ${r.taskLabel} ${r.taskTitleEn} (${label})`,
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName },
    dueDate,
    daysLate: daysLateOf(dueDate, today),
    link,
    count: null,
  };
}

function unitOf(u: UnitRef | { id: string; code: string; name: string }) {
  return { id: u.id, code: u.code, name: u.name };
}
