import type { FindingSeverity, FindingState, FindingSubjectType } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { findIndicatorSubject, findTaskSubject } from '../action-plans/index.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import { findActionItemsByIds } from '../joint-meetings/index.ts';
import { loadInspection, type SupervisionDeps } from './inspections.service.ts';
import * as repo from './supervision.repository.ts';
import {
  canSeeRecord,
  inspectionAbilities,
  mayInspect,
  refusal,
  supervisionView,
} from './supervision.policy.ts';
import { findingOut } from './supervision.views.ts';

export interface FindingInput {
  orgUnitId?: string | null;
  subjectType: FindingSubjectType;
  subjectId?: string | null;
  subjectLabel?: string;
  title: string;
  description: string;
  severity: FindingSeverity;
}

type Subject = {
  orgUnitId: string | null;
  label: string;
  evidence: Record<string, unknown>;
  late: boolean;
  districtId: string;
};

const unknownSubject = () =>
  fieldError(
    'subjectId',
    'SUPERVISION_SUBJECT_UNKNOWN',
    '问题所涉任务、指标或议定事项不存在',
    'Unknown task, indicator or action item',
  );

/**
 * Findings (问题): an inspector of a running inspection records one against a unit and the task,
 * indicator or joint-meeting action item it concerns, or opens one in one click from an off-track
 * indicator or an overdue task, carrying the evidence (value / target / status, missed reports).
 */
export function createFindingService(deps: SupervisionDeps) {
  const { db, audit, clock, metrics } = deps;
  const today = () => chinaDate(clock.now());

  /** What a task or indicator shows right now, as stored evidence. */
  async function subjectOf(trx: Executor, type: 'task' | 'indicator', id: string): Promise<Subject> {
    if (type === 'indicator') {
      const i = await findIndicatorSubject(trx, metrics, id, today());
      if (!i) throw unknownSubject();
      return {
        orgUnitId: i.leadUnitId,
        districtId: i.districtId,
        label: `${i.taskLabel} ${i.code} ${i.name}`,
        late: i.status === 'off_track' || i.status === 'at_risk',
        evidence: {
          kind: 'indicator',
          planCode: i.planCode,
          code: i.code,
          name: i.name,
          unit: i.unit,
          comparator: i.comparator,
          target: i.target,
          targetLow: i.targetLow,
          targetHigh: i.targetHigh,
          deadline: i.deadline,
          latestValue: i.latestValue,
          latestPeriod: i.latestPeriod,
          status: i.status,
          asOf: today(),
        },
      };
    }
    const t = await findTaskSubject(trx, id, today());
    if (!t) throw unknownSubject();
    return {
      orgUnitId: t.leadUnitId,
      districtId: t.districtId,
      label: `${t.label}${t.title}`,
      late: t.missedReports.length > 0 || t.overdueMilestones.length > 0,
      evidence: {
        kind: 'task',
        planCode: t.planCode,
        missedReports: t.missedReports,
        overdueMilestones: t.overdueMilestones,
        asOf: today(),
      },
    };
  }

  async function insertFinding(
    actor: Actor,
    inspectionId: string,
    build: (
      trx: Executor,
    ) => Promise<FindingInput & { evidence: Record<string, unknown>; districtId: string }>,
  ) {
    const insp = await loadInspection(db, actor, inspectionId);
    if (!inspectionAbilities(actor, insp).addFinding)
      throw refusal(mayInspect(actor, insp), 'SUPERVISION_INSPECTION_NOT_ACTIVE');
    const id = await db.transaction().execute(async (trx) => {
      const f = await build(trx);
      if (f.districtId !== insp.districtId) throw unknownSubject();
      if (!f.orgUnitId || (await findOrgUnitsByIds(trx, [f.orgUnitId])).length === 0)
        throw fieldError(
          'orgUnitId',
          'ORG_UNIT_UNKNOWN',
          '请指定问题所涉单位',
          'Name the unit the finding concerns',
        );
      const row = await trx
        .insertInto('finding')
        .values({
          inspectionId,
          districtId: insp.districtId,
          orgUnitId: f.orgUnitId,
          subjectType: f.subjectType,
          subjectId: f.subjectType === 'other' ? (f.subjectId ?? null) : f.subjectId!,
          subjectLabel: (f.subjectLabel ?? '').trim(),
          evidence: JSON.stringify(f.evidence),
          title: f.title.trim(),
          description: f.description.trim(),
          severity: f.severity,
          state: 'open',
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.finding.recorded',
        objectType: 'finding',
        objectId: row.id,
        details: { inspectionId, subjectType: f.subjectType, subjectId: f.subjectId ?? null },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getFinding(actor, id);
  }

  /** Records a finding by hand; a task or indicator subject gets its current evidence attached. */
  function addFinding(actor: Actor, inspectionId: string, input: FindingInput) {
    return insertFinding(actor, inspectionId, async (trx) => {
      if (input.subjectType === 'task' || input.subjectType === 'indicator') {
        if (!input.subjectId) throw unknownSubject();
        const s = await subjectOf(trx, input.subjectType, input.subjectId);
        return {
          ...input,
          orgUnitId: input.orgUnitId ?? s.orgUnitId,
          subjectLabel: s.label,
          evidence: s.evidence,
          districtId: s.districtId,
        };
      }
      if (input.subjectType === 'action_item') {
        // A joint-meeting decision (议定事项) of this district: the finding goes to its responsible unit.
        if (!input.subjectId) throw unknownSubject();
        const [item] = await findActionItemsByIds(trx, [input.subjectId]);
        const { districtId } = await loadInspection(trx, actor, inspectionId);
        if (!item || item.districtId !== districtId) throw unknownSubject();
        return {
          ...input,
          orgUnitId: input.orgUnitId ?? item.responsibleUnit.id,
          subjectLabel: `${item.meeting.title} 议定事项${item.number}`,
          evidence: { decision: item.decision, deadline: item.deadline, state: item.state },
          districtId,
        };
      }
      return {
        ...input,
        evidence: {},
        districtId: (await loadInspection(trx, actor, inspectionId)).districtId,
      };
    });
  }

  /** One click from an alert: an off-track (or at-risk) indicator or an overdue task opens a finding. */
  function addFindingFromSubject(
    actor: Actor,
    inspectionId: string,
    input: { subjectType: 'task' | 'indicator'; subjectId: string; severity?: FindingSeverity },
  ) {
    return insertFinding(actor, inspectionId, async (trx) => {
      const s = await subjectOf(trx, input.subjectType, input.subjectId);
      if (!s.late) throw new AppError('SUPERVISION_SUBJECT_NOT_LATE', 409);
      const ev = s.evidence as Record<string, string | number | null | unknown[]>;
      const title =
        input.subjectType === 'indicator'
          ? `指标「${ev.name}」${ev.status === 'off_track' ? '未达到目标' : '进度滞后'}`
          : `任务${s.label}推进滞后`;
      const description =
        input.subjectType === 'indicator'
          ? `最新值 ${ev.latestValue ?? '无'}${ev.unit}（${ev.latestPeriod ?? '无填报'}），目标 ${ev.target ?? `${ev.targetLow}–${ev.targetHigh}`}${ev.unit}，完成时限 ${ev.deadline}。`
          : `进展报告缺报 ${(ev.missedReports as unknown[]).length} 期，逾期里程碑 ${(ev.overdueMilestones as unknown[]).length} 个。`;
      return {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        subjectLabel: s.label,
        orgUnitId: s.orgUnitId,
        title,
        description,
        severity: input.severity ?? (ev.status === 'off_track' ? 'serious' : 'general'),
        evidence: s.evidence,
        districtId: s.districtId,
      };
    });
  }

  async function getFinding(actor: Actor, id: string) {
    const row = await repo.findingsQuery(db).where('f.id', '=', id).executeTakeFirst();
    const inspectorIds = row
      ? ((await repo.inspectorIdsOf(db, [row.inspectionId])).get(row.inspectionId) ?? [])
      : [];
    if (!row || !canSeeRecord(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
    return findingOut(actor, row, inspectorIds, today());
  }

  async function listFindings(
    actor: Actor,
    q: { inspectionId?: string; orgUnitId?: string; state?: FindingState; limit: number; offset: number },
  ) {
    let query = repo
      .findingsQuery(db)
      .where(repo.visibleSql(supervisionView(actor), 'f'))
      .orderBy('f.createdAt', 'desc')
      .orderBy('f.id')
      .limit(q.limit)
      .offset(q.offset);
    if (q.inspectionId) query = query.where('f.inspectionId', '=', q.inspectionId);
    if (q.orgUnitId) query = query.where('f.orgUnitId', '=', q.orgUnitId);
    if (q.state) query = query.where('f.state', '=', q.state);
    const rows = await query.execute();
    const inspectors = await repo.inspectorIdsOf(
      db,
      rows.map((r) => r.inspectionId),
    );
    return rows.map((r) => findingOut(actor, r, inspectors.get(r.inspectionId) ?? [], today()));
  }

  return { addFinding, addFindingFromSubject, getFinding, listFindings };
}

export type FindingService = ReturnType<typeof createFindingService>;
