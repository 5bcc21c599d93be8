import type { ReportState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { canEditReport, canReviewReport, scopeUnitIds } from './action-plans.policy.ts';

function baseQuery(db: Executor) {
  return db
    .selectFrom('progressReport as r')
    .innerJoin('planTask as t', 't.id', 'r.taskId')
    .innerJoin('reportingPeriod as p', 'p.id', 'r.periodId')
    .innerJoin('orgUnit as u', 'u.id', 'r.orgUnitId')
    .innerJoin('plan', 'plan.id', 'r.planId')
    .select([
      'r.id',
      'r.taskId',
      'r.orgUnitId',
      'r.state',
      'r.progress',
      'r.narrative',
      'r.createdBy',
      'r.submittedAt',
      'r.reviewedAt',
      'r.reviewComment',
      'r.completedMilestones',
      'r.updatedAt',
      't.label as taskLabel',
      't.title as taskTitle',
      'p.id as periodId',
      'p.label as periodLabel',
      'u.code as unitCode',
      'u.name as unitName',
      'plan.code as planCode',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** The API shape of a report in lists, with what the actor may do with it. */
export function reportSummary(actor: Actor, r: ReportRow) {
  return {
    id: r.id,
    taskId: r.taskId,
    taskLabel: r.taskLabel,
    taskTitle: r.taskTitle,
    planCode: r.planCode,
    period: { id: r.periodId, label: r.periodLabel },
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName },
    state: r.state,
    progress: r.progress,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
    updatedAt: r.updatedAt,
    abilities: {
      edit: canEditReport(actor, r),
      submit: canEditReport(actor, r),
      review: canReviewReport(actor, r),
    },
  };
}

/** Reports the actor may see (their units' own, or all for district-wide roles), newest first. */
export async function listReports(
  db: Executor,
  actor: Actor,
  filter: {
    taskId?: string;
    state?: ReportState;
    planCode?: string;
    periodId?: string;
    limit?: number;
    offset?: number;
  },
) {
  let q = baseQuery(db);
  const scope = scopeUnitIds(actor);
  if (scope) {
    if (scope.length === 0) return [];
    q = q.where('r.orgUnitId', 'in', scope);
  }
  if (filter.taskId) q = q.where('r.taskId', '=', filter.taskId);
  if (filter.state) q = q.where('r.state', '=', filter.state);
  if (filter.periodId) q = q.where('r.periodId', '=', filter.periodId);
  if (filter.planCode) q = q.where('plan.code', '=', filter.planCode).where('plan.isCurrent', '=', true);
  const rows = await q
    .orderBy('p.endsOn', 'desc')
    .orderBy('r.updatedAt', 'desc')
    .orderBy('r.id')
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => reportSummary(actor, r));
}

export function findReportRow(db: Executor, id: string) {
  return baseQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** Values, files and history of one report. */
export async function reportParts(db: Executor, id: string) {
  const [values, files, events] = await Promise.all([
    db
      .selectFrom('progressReportValue as v')
      .innerJoin('indicator as i', 'i.id', 'v.indicatorId')
      .select(['v.indicatorId', 'i.code', 'i.name', 'i.unit', 'v.value', 'v.note'])
      .where('v.reportId', '=', id)
      .orderBy('i.position')
      .execute(),
    db
      .selectFrom('progressReportFile as pf')
      .innerJoin('storedFile as f', 'f.id', 'pf.fileId')
      .select(['f.id', 'f.originalName as name', 'f.sizeBytes', 'f.mime'])
      .where('pf.reportId', '=', id)
      .orderBy('f.createdAt')
      .execute(),
    db
      .selectFrom('progressReportEvent as e')
      .leftJoin('appUser as a', 'a.id', 'e.actorId')
      .select([
        'e.at',
        (eb) => eb.fn.coalesce('a.displayName', eb.val('系统导入')).as('actor'),
        'e.action',
        'e.comment',
      ])
      .where('e.reportId', '=', id)
      .orderBy('e.seq')
      .execute(),
  ]);
  return { values, files, events };
}
