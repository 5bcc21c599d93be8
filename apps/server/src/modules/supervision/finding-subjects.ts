import type { FindingSeverity } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { findIndicatorSubject, findTaskSubject } from '../action-plans/index.ts';
import { findActionItemsByIds } from '../joint-meetings/index.ts';
import type { FindingInput } from './supervision.schema.ts';

/**
 * What a finding is about: a plan task or indicator (through the action-plans module), a
 * joint-meeting action item (through the joint-meetings module) or something else, with the
 * evidence it carries and the unit it goes to.
 */

/** A subject as the finding stores it. */
export interface FindingSubject {
  orgUnitId: string | null;
  districtId: string;
  label: string;
  evidence: Record<string, unknown>;
}

export const unknownSubject = () =>
  fieldError(
    'subjectId',
    'SUPERVISION_SUBJECT_UNKNOWN',
    '问题所涉任务、指标或议定事项不存在',
    'Unknown task, indicator or action item',
  );

/** An indicator as it reads today: value, target, status. */
async function indicatorSubject(db: Executor, metrics: MetricRegistry, id: string, today: string) {
  const i = await findIndicatorSubject(db, metrics, id, today);
  if (!i) throw unknownSubject();
  return {
    orgUnitId: i.leadUnitId,
    districtId: i.districtId,
    label: `${i.taskLabel}${i.name}`,
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
      periods: i.periods,
      asOf: today,
    },
  };
}

/** A task as it reads today: missed reports, overdue milestones. */
async function taskSubject(db: Executor, metrics: MetricRegistry, id: string, today: string) {
  const t = await findTaskSubject(db, metrics, id, today);
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
      asOf: today,
    },
  };
}

/** What a task or indicator shows right now, as stored evidence, and whether it is late. */
export function planSubject(
  db: Executor,
  metrics: MetricRegistry,
  type: 'task' | 'indicator',
  id: string,
  today: string,
): Promise<FindingSubject & { late: boolean }> {
  return type === 'indicator'
    ? indicatorSubject(db, metrics, id, today)
    : taskSubject(db, metrics, id, today);
}

/** A joint-meeting decision (议定事项) of the district: the finding goes to its responsible unit. */
async function actionItemSubject(db: Executor, id: string, districtId: string): Promise<FindingSubject> {
  const [item] = await findActionItemsByIds(db, [id]);
  if (!item || item.districtId !== districtId) throw unknownSubject();
  return {
    orgUnitId: item.responsibleUnit.id,
    districtId,
    label: `${item.meeting.title} 议定事项${item.number}`,
    evidence: { decision: item.decision, deadline: item.deadline, state: item.state },
  };
}

/** The subject of a finding recorded by hand in an inspection of `districtId`. */
export async function subjectOf(
  db: Executor,
  metrics: MetricRegistry,
  input: FindingInput,
  districtId: string,
  today: string,
): Promise<FindingSubject> {
  if (input.subjectType === 'other')
    return { orgUnitId: null, districtId, label: input.subjectLabel ?? '', evidence: {} };
  if (!input.subjectId) throw unknownSubject();
  if (input.subjectType === 'action_item') return actionItemSubject(db, input.subjectId, districtId);
  return planSubject(db, metrics, input.subjectType, input.subjectId, today);
}

/** The periods a recurring target missed, as a sentence: `2020年度未达标（7000元/生·年）。` */
function missedPeriods(periods: unknown, unit: string): string {
  const missed = ((periods ?? []) as Array<{ label: string; value: number | null; status: string }>).filter(
    (p) => p.status === 'off_track',
  );
  if (missed.length === 0) return '';
  return `${missed.map((p) => `${p.label}未达标（${p.value === null ? '无填报' : `${p.value}${unit}`}）`).join('，')}。`;
}

/**
 * The finding one click opens from a late subject: its title, description and severity say what
 * is late and by how much (an off-track indicator is serious, an at-risk one general).
 */
export function lateSubjectFinding(
  type: 'task' | 'indicator',
  s: FindingSubject & { late: boolean },
  severity: FindingSeverity | undefined,
) {
  if (!s.late) throw new AppError('SUPERVISION_SUBJECT_NOT_LATE', 409);
  const ev = s.evidence as Record<string, string | number | null | unknown[]>;
  const title =
    type === 'indicator'
      ? `指标“${ev.name}”${ev.status === 'off_track' ? '未达到目标' : '进度滞后'}`
      : `任务${s.label}推进滞后`;
  const description =
    type === 'indicator'
      ? `最新值 ${ev.latestValue ?? '无'}${ev.unit}（${ev.latestPeriod ?? '无填报'}），目标 ${ev.target ?? `${ev.targetLow}–${ev.targetHigh}`}${ev.unit}，完成时限 ${ev.deadline}。${missedPeriods(ev.periods, String(ev.unit))}`
      : `进展报告缺报 ${(ev.missedReports as unknown[]).length} 期，逾期里程碑 ${(ev.overdueMilestones as unknown[]).length} 个。`;
  return {
    title,
    description,
    severity: severity ?? (ev.status === 'off_track' ? 'serious' : 'general'),
  } as const;
}
