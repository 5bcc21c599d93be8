import type { Actor } from '../../platform/auth/actor.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import { actorRoles, type CertificationDeps } from './certification.deps.ts';
import { mayDecide, maySign, recuses } from './certification.policy.ts';
import { listApplications, listOpinions, listRechecks } from './certification.repository.ts';
import { standingOf } from './certification.view.ts';

/**
 * Todo source `certification`, the acting unit's own work: for 区发改科技局, applications under
 * review to decide and certifications whose yearly re-check is due (due on the anniversary); for a
 * joint-review bureau, applications whose 会签单 still waits for its line (not those its unit
 * filed: its line is recused there).
 */
export function createCertificationTodos(deps: CertificationDeps): TodoSource {
  return async (actor: Actor, lang: 'zh' | 'en', today: string) => {
    const roles = await actorRoles(deps.db, actor);
    const decides = mayDecide(actor, roles);
    const signs = maySign(actor, roles);
    if ((!decides && !signs) || !roles.districtId) return [];
    const rows = await listApplications(
      deps.db,
      { all: false, districtId: roles.districtId, enterpriseId: roles.unitId },
      {},
    );
    const ids = rows.map((r) => r.id);
    const [units, opinions, rechecks] = await Promise.all([
      unitRefsByIds(deps.db, [actor.orgUnitId, ...rows.map((r) => r.enterpriseId)]),
      listOpinions(deps.db, ids),
      listRechecks(deps.db, ids),
    ]);
    const mine = units.get(actor.orgUnitId);
    if (!mine) return [];
    const items: TodoItem[] = [];
    const name = (id: string) => units.get(id)?.name ?? '';
    for (const r of rows) {
      const link = `/certification/applications/${r.id}`;
      if (r.state === 'submitted' && decides)
        items.push({
          id: `certification:decide:${r.id}`,
          source: 'certification',
          kind: 'application_to_decide',
          title:
            lang === 'zh'
              ? `审核产教融合型企业认定申报：${name(r.enterpriseId)}（${r.year} 年度）`
              : `Decide the certification application of ${name(r.enterpriseId)} (${r.year})`,
          unit: mine,
          dueDate: null,
          daysLate: null,
          link,
          count: null,
        });
      if (
        r.state === 'submitted' &&
        signs &&
        !recuses(roles.unitId, r) &&
        !opinions.some((o) => o.applicationId === r.id && o.bureauId === roles.unitId)
      )
        items.push({
          id: `certification:sign:${r.id}`,
          source: 'certification',
          kind: 'opinion_to_give',
          title:
            lang === 'zh'
              ? `填写会签意见：${name(r.enterpriseId)} 产教融合型企业认定（${r.year} 年度）`
              : `Give the joint-review opinion on ${name(r.enterpriseId)}'s certification (${r.year})`,
          unit: mine,
          dueDate: null,
          daysLate: null,
          link,
          count: null,
        });
      if (r.state === 'certified' && decides) {
        const s = standingOf(
          deps,
          r,
          rechecks.filter((c) => c.applicationId === r.id),
          today,
        );
        if (s?.standing !== 'recheck_due') continue;
        const due = s.recheckDates.filter((d) => d <= today).at(-1)!;
        items.push({
          id: `certification:recheck:${r.id}:${due}`,
          source: 'certification',
          kind: 'recheck_due',
          title:
            lang === 'zh'
              ? `产教融合型企业年度复核：${name(r.enterpriseId)}（${due} 到期）`
              : `Yearly re-check of ${name(r.enterpriseId)} (due ${due})`,
          unit: mine,
          dueDate: due,
          daysLate: daysLateOf(due, today),
          link,
          count: null,
        });
      }
    }
    return items;
  };
}
