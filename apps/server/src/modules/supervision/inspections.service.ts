import type { InspectionKind, InspectionScopeType } from '@zhijiao/contracts';
import { sql, type Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { findTaskSubject } from '../action-plans/index.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import * as repo from './supervision.repository.ts';
import {
  canSeeInspection,
  inspectionAbilities,
  mayManage,
  refusal,
  supervisionView,
} from './supervision.policy.ts';
import { findingOut } from './supervision.views.ts';
import type { ScheduleItem } from './supervision.tables.ts';

export interface InspectionInput {
  kind: InspectionKind;
  title: string;
  purpose: string;
  documentNumber?: string | null;
  startsOn: string;
  endsOn: string;
  schedule: ScheduleItem[];
  inspectorIds: string[];
  leadInspectorId?: string | null;
  scope: Array<{ type: InspectionScopeType; id: string }>;
}

export interface SupervisionDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  onWrite?: () => void;
}

/** Loads an inspection the actor may see, with its inspectors, or throws 404. */
export async function loadInspection(db: Executor, actor: Actor, id: string) {
  const row = await repo.findInspection(db, id);
  const view = supervisionView(actor);
  const inspectorIds = row ? ((await repo.inspectorIdsOf(db, [row.id])).get(row.id) ?? []) : [];
  const concernsUnits =
    row && view.kind === 'units'
      ? Boolean(
          await db
            .selectFrom('inspection as i')
            .select('i.id')
            .where('i.id', '=', row.id)
            .where(repo.concernsUnitsSql('i', view.unitIds))
            .executeTakeFirst(),
        )
      : false;
  if (!row || !canSeeInspection(view, { ...row, inspectorIds, concernsUnits })) throw notFound();
  return { ...row, inspectorIds };
}

/**
 * Inspections (督导): the coordinator plans one (定期 or 专项) with its inspectors, scope and
 * schedule, starts it, and completes it with a conclusion. Findings are recorded while it runs.
 */
export function createInspectionService(deps: SupervisionDeps) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  async function validate(trx: Executor, input: InspectionInput) {
    const problems: Array<{ field: string; code: string; message: string; messageEn: string }> = [];
    if (input.endsOn < input.startsOn)
      problems.push({
        field: 'endsOn',
        code: 'DATE_ORDER',
        message: '结束日期早于开始日期',
        messageEn: 'Ends before it starts',
      });
    const users = input.inspectorIds.length
      ? await trx
          .selectFrom('appUser')
          .select(['id', 'role'])
          .where('id', 'in', input.inspectorIds)
          .where('disabledAt', 'is', null)
          .execute()
      : [];
    const ok = new Set(
      users.filter((u) => u.role === 'inspector' || u.role === 'coordinator').map((u) => u.id),
    );
    input.inspectorIds.forEach((id, i) => {
      if (!ok.has(id))
        problems.push({
          field: `inspectorIds.${i}`,
          code: 'SUPERVISION_NOT_INSPECTOR',
          message: '督学须为启用的督学或计划统筹账号',
          messageEn: 'Inspectors must be active inspector or coordinator accounts',
        });
    });
    if (input.leadInspectorId && !input.inspectorIds.includes(input.leadInspectorId))
      problems.push({
        field: 'leadInspectorId',
        code: 'NOT_IN_LIST',
        message: '组长须在督学名单中',
        messageEn: 'The lead must be one of the inspectors',
      });
    const labels = new Map<string, string>();
    const unitIds = input.scope.filter((s) => s.type !== 'task').map((s) => s.id);
    for (const u of await findOrgUnitsByIds(trx, unitIds)) labels.set(u.id, u.name);
    for (const [i, s] of input.scope.entries()) {
      if (s.type === 'task') {
        const t = await findTaskSubject(trx, s.id, today());
        if (t) labels.set(s.id, `${t.label}${t.title}`);
      }
      if (!labels.has(s.id))
        problems.push({
          field: `scope.${i}.id`,
          code: 'UNKNOWN',
          message: '督导范围中的单位或任务不存在',
          messageEn: 'Unknown unit or task in the scope',
        });
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
    return labels;
  }

  async function writeMembers(
    trx: Executor,
    id: string,
    input: InspectionInput,
    labels: Map<string, string>,
  ) {
    await trx.deleteFrom('inspectionInspector').where('inspectionId', '=', id).execute();
    await trx.deleteFrom('inspectionScope').where('inspectionId', '=', id).execute();
    const inspectors = [...new Set(input.inspectorIds)];
    if (inspectors.length)
      await trx
        .insertInto('inspectionInspector')
        .values(
          inspectors.map((userId) => ({
            inspectionId: id,
            userId,
            isLead: userId === input.leadInspectorId,
          })),
        )
        .execute();
    const seen = new Set<string>();
    const scope = input.scope.filter((s) => !seen.has(`${s.type}:${s.id}`) && seen.add(`${s.type}:${s.id}`));
    if (scope.length)
      await trx
        .insertInto('inspectionScope')
        .values(
          scope.map((s) => ({ inspectionId: id, itemType: s.type, itemId: s.id, label: labels.get(s.id)! })),
        )
        .execute();
  }

  async function createInspection(actor: Actor, input: InspectionInput) {
    const districtId = actor.districtId;
    if (!districtId || !mayManage(actor, districtId)) throw new AppError('FORBIDDEN', 403);
    const id = await db.transaction().execute(async (trx) => {
      const labels = await validate(trx, input);
      const now = clock.now();
      const row = await trx
        .insertInto('inspection')
        .values({
          districtId,
          kind: input.kind,
          state: 'planned',
          title: input.title.trim(),
          purpose: input.purpose.trim(),
          documentNumber: input.documentNumber?.trim() || null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          schedule: JSON.stringify(input.schedule),
          conclusion: '',
          completedAt: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeMembers(trx, row.id, input, labels);
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.inspection.created',
        objectType: 'inspection',
        objectId: row.id,
        details: { kind: input.kind, inspectors: input.inspectorIds.length, scope: input.scope.length },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getInspection(actor, id);
  }

  async function updateInspection(actor: Actor, id: string, input: InspectionInput) {
    const insp = await loadInspection(db, actor, id);
    const can = inspectionAbilities(actor, insp);
    if (!can.edit) throw refusal(mayManage(actor, insp.districtId));
    await db.transaction().execute(async (trx) => {
      const labels = await validate(trx, input);
      const updated = await trx
        .updateTable('inspection')
        .set({
          kind: input.kind,
          title: input.title.trim(),
          purpose: input.purpose.trim(),
          documentNumber: input.documentNumber?.trim() || null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          schedule: JSON.stringify(input.schedule),
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .where('state', '<>', 'completed')
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('SUPERVISION_INVALID_TRANSITION', 409);
      await writeMembers(trx, id, input, labels);
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.inspection.updated',
        objectType: 'inspection',
        objectId: id,
      });
    });
    deps.onWrite?.();
    return getInspection(actor, id);
  }

  /** planned → in_progress, or in_progress → completed with the conclusion of the report. */
  async function moveInspection(
    actor: Actor,
    id: string,
    to: 'in_progress' | 'completed',
    conclusion?: string,
  ) {
    const insp = await loadInspection(db, actor, id);
    const can = inspectionAbilities(actor, insp);
    if (!(to === 'in_progress' ? can.start : can.complete)) throw refusal(mayManage(actor, insp.districtId));
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const updated = await trx
        .updateTable('inspection')
        .set({
          state: to,
          updatedAt: now,
          ...(to === 'completed' ? { completedAt: now, conclusion: (conclusion ?? '').trim() } : {}),
        })
        .where('id', '=', id)
        .where('state', '=', to === 'in_progress' ? 'planned' : 'in_progress')
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('SUPERVISION_INVALID_TRANSITION', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: to === 'in_progress' ? 'supervision.inspection.started' : 'supervision.inspection.completed',
        objectType: 'inspection',
        objectId: id,
      });
    });
    deps.onWrite?.();
    return getInspection(actor, id);
  }

  const startInspection = (actor: Actor, id: string) => moveInspection(actor, id, 'in_progress');
  const completeInspection = (actor: Actor, id: string, conclusion: string) =>
    moveInspection(actor, id, 'completed', conclusion);

  async function getInspection(actor: Actor, id: string) {
    const insp = await loadInspection(db, actor, id);
    const [inspectors, scope, findings, publication] = await Promise.all([
      repo.listInspectors(db, id),
      repo.listScope(db, id),
      repo
        .findingsQuery(db)
        .where('f.inspectionId', '=', id)
        .where(repo.visibleSql(supervisionView(actor), 'f'))
        .orderBy('f.createdAt')
        .execute(),
      db
        .selectFrom('supervisionPublication')
        .select(['id', 'publishedAt'])
        .where('inspectionId', '=', id)
        .executeTakeFirst(),
    ]);
    return {
      ...summary(
        actor,
        insp,
        findings.length,
        findings.filter((f) => f.orderId && f.orderState !== 'closed').length,
      ),
      purpose: insp.purpose,
      schedule: insp.schedule,
      conclusion: insp.conclusion,
      inspectors,
      scope,
      findings: findings.map((f) => findingOut(actor, f, insp.inspectorIds, today())),
      publication: publication ?? null,
    };
  }

  async function listInspections(actor: Actor, q: { state?: string; limit: number; offset: number }) {
    const view = supervisionView(actor);
    let query = db
      .selectFrom('inspection as i')
      .selectAll('i')
      .select([
        sql<number>`(SELECT count(*) FROM finding f WHERE f.inspection_id = i.id)::int`.as('findings'),
        sql<number>`(SELECT count(*) FROM rectification_order o WHERE o.inspection_id = i.id AND o.state <> 'closed')::int`.as(
          'openOrders',
        ),
      ])
      .where(repo.inspectionVisibleSql(view, 'i'))
      .orderBy('i.startsOn', 'desc')
      .orderBy('i.createdAt', 'desc')
      .limit(q.limit)
      .offset(q.offset);
    if (q.state) query = query.where('i.state', '=', q.state as 'planned');
    const rows = await query.execute();
    const inspectors = await repo.inspectorIdsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      summary(actor, { ...r, inspectorIds: inspectors.get(r.id) ?? [] }, r.findings, r.openOrders),
    );
  }

  /** Accounts that may be named inspectors (督学, coordinators) among the units the actor sees. */
  async function listInspectorCandidates(actor: Actor) {
    let q = db
      .selectFrom('appUser as u')
      .innerJoin('orgUnit as o', 'o.id', 'u.orgUnitId')
      .select(['u.id as userId', 'u.displayName', 'u.role', 'o.name as unitName'])
      .where('u.role', 'in', ['inspector', 'coordinator'])
      .where('u.disabledAt', 'is', null)
      .orderBy('u.role', 'desc')
      .orderBy('u.displayName');
    if (!actor.scope.all) q = q.where('u.orgUnitId', 'in', [...actor.scope.orgUnitIds, actor.orgUnitId]);
    return q.execute();
  }

  return {
    listInspectorCandidates,
    createInspection,
    updateInspection,
    startInspection,
    completeInspection,
    getInspection,
    listInspections,
  };
}

function summary(
  actor: Actor,
  i: Awaited<ReturnType<typeof loadInspection>>,
  findingCount: number,
  openOrderCount: number,
) {
  return {
    id: i.id,
    kind: i.kind,
    state: i.state,
    title: i.title,
    documentNumber: i.documentNumber,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    findingCount,
    openOrderCount,
    completedAt: i.completedAt,
    abilities: inspectionAbilities(actor, i),
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
