import type { CommitmentState, SanctionGround, SanctionKind } from '@zhijiao/contracts';
import { sql } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import { loadInspection, type SupervisionDeps } from './inspections.service.ts';
import * as repo from './supervision.repository.ts';
import {
  canSeeInterview,
  inspectionAbilities,
  mayInspect,
  mayManage,
  refusal,
  supervisionView,
} from './supervision.policy.ts';
import { ASSESSMENT_WEIGHTS, assessmentScore } from './supervision.rules.ts';

export interface InterviewInput {
  orgUnitId: string;
  heldOn: string;
  interviewers: string;
  interviewees: string;
  reason: string;
  findingIds: string[];
  commitments: Array<{ text: string; dueDate?: string | null }>;
}

export interface SanctionInput {
  orgUnitId: string;
  inspectionId?: string | null;
  kind: SanctionKind;
  year: number;
  points: number;
  title: string;
  ground: SanctionGround;
  groundsText: string;
  refs: Array<{ type: string; id: string }>;
  decidedOn: string;
}

/**
 * Interviews (约谈) with their commitments and follow-up, rewards and penalties (奖惩) against
 * units, and the yearly assessment (考评) computed from findings, orders and sanctions.
 */
export function createRecordsService(deps: SupervisionDeps) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  async function recordInterview(actor: Actor, inspectionId: string, input: InterviewInput) {
    const insp = await loadInspection(db, actor, inspectionId);
    if (!inspectionAbilities(actor, insp).recordInterview)
      throw refusal(mayInspect(actor, insp), 'SUPERVISION_INSPECTION_NOT_ACTIVE');
    if ((await findOrgUnitsByIds(db, [input.orgUnitId])).length === 0)
      throw fieldError('orgUnitId', 'ORG_UNIT_UNKNOWN', '被约谈单位不存在', 'Unknown unit');
    const findingIds = [...new Set(input.findingIds)];
    if (findingIds.length) {
      const ok = await db
        .selectFrom('finding')
        .select('id')
        .where('id', 'in', findingIds)
        .where('inspectionId', '=', inspectionId)
        .execute();
      if (ok.length !== findingIds.length)
        throw fieldError(
          'findingIds',
          'UNKNOWN',
          '关联的问题不属于本次督导',
          'The linked findings are not from this inspection',
        );
    }
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('interview')
        .values({
          inspectionId,
          districtId: insp.districtId,
          orgUnitId: input.orgUnitId,
          heldOn: input.heldOn,
          interviewers: input.interviewers.trim(),
          interviewees: input.interviewees.trim(),
          reason: input.reason.trim(),
          findingIds,
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.commitments.length)
        await trx
          .insertInto('interviewCommitment')
          .values(
            input.commitments.map((c, position) => ({
              interviewId: row.id,
              position,
              text: c.text.trim(),
              dueDate: c.dueDate ?? null,
              state: 'pending' as const,
            })),
          )
          .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.interview.recorded',
        objectType: 'interview',
        objectId: row.id,
        details: {
          inspectionId,
          orgUnitId: input.orgUnitId,
          findings: findingIds.length,
          commitments: input.commitments.length,
        },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getInterview(actor, id);
  }

  async function loadInterview(actor: Actor, id: string) {
    const [row] = await repo.listInterviewRows(db, { id });
    const inspectorIds = row
      ? ((await repo.inspectorIdsOf(db, [row.inspectionId])).get(row.inspectionId) ?? [])
      : [];
    if (!row || !canSeeInterview(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
    return { row, inspectorIds };
  }

  function interviewOut(
    actor: Actor,
    row: Awaited<ReturnType<typeof repo.listInterviewRows>>[number],
    inspectorIds: readonly string[],
  ) {
    const { districtId, orgUnitId, unitCode, unitName, findingIds: _f, ...rest } = row;
    return {
      ...rest,
      unit: { id: orgUnitId, code: unitCode, name: unitName },
      abilities: { followUp: mayInspect(actor, { districtId, inspectorIds }) },
    };
  }

  async function getInterview(actor: Actor, id: string) {
    const { row, inspectorIds } = await loadInterview(actor, id);
    return interviewOut(actor, row, inspectorIds);
  }

  async function listInterviews(actor: Actor, inspectionId: string) {
    const insp = await loadInspection(db, actor, inspectionId);
    const view = supervisionView(actor);
    return (await repo.listInterviewRows(db, { inspectionId }))
      .filter((r) => canSeeInterview(view, { ...r, inspectorIds: insp.inspectorIds }))
      .map((r) => interviewOut(actor, r, insp.inspectorIds));
  }

  /** Follow-up of one commitment made at an interview: fulfilled or not, with what was found. */
  async function followUpCommitment(
    actor: Actor,
    interviewId: string,
    commitmentId: string,
    input: { state: Exclude<CommitmentState, 'pending'>; followUp: string },
  ) {
    const { row, inspectorIds } = await loadInterview(actor, interviewId);
    if (!mayInspect(actor, { districtId: row.districtId, inspectorIds }))
      throw new AppError('FORBIDDEN', 403);
    if (!row.commitments.some((c) => c.id === commitmentId)) throw notFound();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('interviewCommitment')
        .set({
          state: input.state,
          followUp: input.followUp.trim(),
          followedUpAt: clock.now(),
          followedUpBy: actor.userId,
        })
        .where('id', '=', commitmentId)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.commitment.followed_up',
        objectType: 'interview',
        objectId: interviewId,
        details: { commitmentId, state: input.state },
      });
    });
    deps.onWrite?.();
    return getInterview(actor, interviewId);
  }

  async function recordSanction(actor: Actor, input: SanctionInput) {
    const districtId = actor.districtId;
    if (!districtId || !mayManage(actor, districtId)) throw new AppError('FORBIDDEN', 403);
    if ((await findOrgUnitsByIds(db, [input.orgUnitId])).length === 0)
      throw fieldError('orgUnitId', 'ORG_UNIT_UNKNOWN', '单位不存在', 'Unknown unit');
    if (input.inspectionId) await loadInspection(db, actor, input.inspectionId);
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('sanction')
        .values({
          districtId,
          orgUnitId: input.orgUnitId,
          inspectionId: input.inspectionId ?? null,
          kind: input.kind,
          year: input.year,
          points: input.points,
          title: input.title.trim(),
          ground: input.ground,
          groundsText: input.groundsText.trim(),
          refs: JSON.stringify(input.refs),
          decidedOn: input.decidedOn,
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: `supervision.sanction.${input.kind}`,
        objectType: 'sanction',
        objectId: row.id,
        details: { orgUnitId: input.orgUnitId, year: input.year, points: input.points, ground: input.ground },
      });
      return row.id;
    });
    deps.onWrite?.();
    const [out] = await listSanctions(actor, { id });
    return out!;
  }

  /** Rewards and penalties the actor sees: the district, or a clerk's own units. */
  async function listSanctions(actor: Actor, q: { year?: number; orgUnitId?: string; id?: string }) {
    const view = supervisionView(actor);
    let query = repo.listSanctionRows(db).orderBy('s.decidedOn', 'desc').orderBy('s.createdAt', 'desc');
    if (view.kind === 'units')
      query = query.where(
        's.orgUnitId',
        'in',
        view.unitIds.length ? [...view.unitIds] : ['00000000-0000-0000-0000-000000000000'],
      );
    else if (!(view.kind === 'district' && view.all))
      query = query.where('s.districtId', '=', view.districtId ?? '00000000-0000-0000-0000-000000000000');
    if (q.year) query = query.where('s.year', '=', q.year);
    if (q.orgUnitId) query = query.where('s.orgUnitId', '=', q.orgUnitId);
    if (q.id) query = query.where('s.id', '=', q.id);
    return (await query.execute()).map(({ districtId: _d, orgUnitId, unitCode, unitName, ...s }) => ({
      ...s,
      unit: { id: orgUnitId, code: unitCode, name: unitName },
    }));
  }

  /**
   * The yearly assessment (考评) table, one row per unit with any supervision record in `year`:
   * findings recorded that year, orders due that year closed on time / late / still open past due,
   * reward and penalty points, and the score (formula: `ASSESSMENT_WEIGHTS`).
   */
  async function assessment(actor: Actor, year: number) {
    const view = supervisionView(actor);
    const district =
      view.kind === 'units' ? null : view.kind === 'district' && view.all ? null : view.districtId;
    const units = view.kind === 'units' ? [...view.unitIds] : null;
    if (view.kind === 'inspector') return { year, formula: FORMULA, rows: [] };
    const asOf = [today(), `${year}-12-31`].sort()[0]!;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const scope = (alias: string) =>
      units
        ? sql`${sql.ref(`${alias}.org_unit_id`)} = ANY(${units.length ? units : ['00000000-0000-0000-0000-000000000000']}::uuid[])`
        : district
          ? sql`${sql.ref(`${alias}.district_id`)} = ${district}`
          : sql`true`;
    const rows = await sql<{
      orgUnitId: string;
      code: string;
      name: string;
      findings: number;
      seriousFindings: number;
      closedOnTime: number;
      closedLate: number;
      openOverdue: number;
      rewardPoints: number;
      penaltyPoints: number;
    }>`
      WITH f AS (
        SELECT org_unit_id, count(*)::int AS findings, count(*) FILTER (WHERE severity = 'serious')::int AS serious
        FROM finding f WHERE ${scope('f')} AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from} AND ${to}
        GROUP BY org_unit_id),
      o AS (
        SELECT org_unit_id,
          count(*) FILTER (WHERE state = 'closed' AND closed_on <= due_date)::int AS on_time,
          count(*) FILTER (WHERE state = 'closed' AND closed_on > due_date)::int AS late,
          count(*) FILTER (WHERE state <> 'closed' AND due_date < ${asOf})::int AS overdue
        FROM rectification_order o WHERE ${scope('o')} AND due_date BETWEEN ${from} AND ${to}
        GROUP BY org_unit_id),
      s AS (
        SELECT org_unit_id,
          coalesce(sum(points) FILTER (WHERE kind = 'reward'), 0)::float8 AS rewards,
          coalesce(sum(points) FILTER (WHERE kind = 'penalty'), 0)::float8 AS penalties
        FROM sanction s WHERE ${scope('s')} AND year = ${year}
        GROUP BY org_unit_id),
      ids AS (SELECT org_unit_id FROM f UNION SELECT org_unit_id FROM o UNION SELECT org_unit_id FROM s)
      SELECT u.id AS org_unit_id, u.code, u.name,
        coalesce(f.findings, 0) AS findings, coalesce(f.serious, 0) AS serious_findings,
        coalesce(o.on_time, 0) AS closed_on_time, coalesce(o.late, 0) AS closed_late,
        coalesce(o.overdue, 0) AS open_overdue, coalesce(s.rewards, 0) AS reward_points,
        coalesce(s.penalties, 0) AS penalty_points
      FROM ids JOIN org_unit u ON u.id = ids.org_unit_id
      LEFT JOIN f ON f.org_unit_id = ids.org_unit_id
      LEFT JOIN o ON o.org_unit_id = ids.org_unit_id
      LEFT JOIN s ON s.org_unit_id = ids.org_unit_id
      ORDER BY u.code`.execute(db);
    return {
      year,
      formula: FORMULA,
      rows: rows.rows
        .map(({ orgUnitId, code, name, ...n }) => {
          const input = Object.fromEntries(Object.entries(n).map(([k, v]) => [k, Number(v)])) as typeof n;
          return { unit: { id: orgUnitId, code, name }, ...input, ...assessmentScore(input) };
        })
        .sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code)),
    };
  }

  return {
    recordInterview,
    getInterview,
    listInterviews,
    followUpCommitment,
    recordSanction,
    listSanctions,
    assessment,
  };
}

const w = ASSESSMENT_WEIGHTS;
/** The assessment formula as shown to users. */
export const FORMULA =
  `score = ${w.base} ${w.finding}×findings ${w.seriousFinding}×seriousFindings +${w.closedOnTime}×closedOnTime ` +
  `${w.closedLate}×closedLate ${w.openOverdue}×openOverdue + rewardPoints − penaltyPoints, clamped to [${w.min}, ${w.max}]; ` +
  '≥90 优秀 excellent, ≥75 良好 good, ≥60 合格 pass, else 不合格 fail';

export type RecordsService = ReturnType<typeof createRecordsService>;
