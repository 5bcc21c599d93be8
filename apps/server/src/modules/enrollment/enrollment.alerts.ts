import type { EnrollmentAlertKind } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { preferencesAlert, registrationAlert, unpublishedRunAlert } from './enrollment-alerts.rules.ts';
import {
  countMissingPreferences,
  countUnregistered,
  listOpenSeasonBatches,
} from './enrollment-alerts.repository.ts';
import { canManageSeason, canSeeAdmissions, canSeeCandidate } from './enrollment.policy.ts';

type Lang = 'zh' | 'en';
type Batch = Awaited<ReturnType<typeof listOpenSeasonBatches>>[number];
type Due = { tier: SourcedAlert['tier']; dueDate: string; daysLate: number };
type Units = Map<string, UnitRef>;

/**
 * Alert source `enrollment` (open seasons only; due dates in enrollment-alerts.rules.ts):
 * - `preferences_missing`: candidates of a junior high with no choices in a batch whose window
 *   closes within 7 days or has closed unpublished — to the junior high, with the count;
 * - `run_unpublished`: a batch's computed run not yet published as its results fall due — to the
 *   season's district, seen by 招生办 (`enrollment.manage`) only;
 * - `registration_pending`: admitted candidates whose 报到 is not recorded as it falls due — to
 *   the admitting school, with the count.
 * Schools see their own; 招生办 sees the district.
 */
export function createEnrollmentAlerts(deps: { db: Executor }) {
  return async function alerts(actor: Actor, lang: Lang, today: string): Promise<SourcedAlert[]> {
    if (!actor.permissions.has('enrollment.read') || (!actor.scope.all && !actor.districtId)) return [];
    const districtId = actor.scope.all ? null : actor.districtId;
    const schoolIds = actor.scope.all ? null : actor.scope.orgUnitIds;
    const batches = await listOpenSeasonBatches(deps.db, districtId);
    const open = batches.filter((b) => !b.published).map((b) => b.id);
    const [missing, unregistered] = await Promise.all([
      countMissingPreferences(deps.db, open, schoolIds),
      countUnregistered(deps.db, districtId, schoolIds),
    ]);
    const units = await unitRefsByIds(deps.db, [
      ...batches.map((b) => b.districtId),
      ...missing.map((m) => m.schoolId),
      ...unregistered.map((u) => u.schoolId),
    ]);
    const byId = new Map(batches.map((b) => [b.id, b]));
    return [
      ...missing.flatMap((m) => preferenceAlerts(actor, lang, today, byId.get(m.batchId)!, m, units)),
      ...batches.flatMap((b) => runAlerts(actor, lang, today, b, batches, units)),
      ...unregistered.flatMap((u) => registrationAlerts(actor, lang, today, byId.get(u.batchId), u, units)),
    ];
  };
}

function alertOf(
  kind: EnrollmentAlertKind,
  id: string,
  due: Due,
  unit: UnitRef,
  text: { title: string; message: string; link: string },
): SourcedAlert {
  return {
    id: `enrollment:${id}`,
    source: 'enrollment',
    kind,
    ...due,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    ...text,
  };
}

/** `（剩 3 天）` / `（已逾期 3 天）`, `(3 days left)` / `(3 days late)`. */
function when(lang: Lang, daysLate: number): string {
  if (lang === 'zh') return daysLate > 0 ? `（已逾期 ${daysLate} 天）` : `（剩 ${-daysLate} 天）`;
  return daysLate > 0 ? `(${daysLate} days late)` : `(${-daysLate} days left)`;
}

function preferenceAlerts(
  actor: Actor,
  lang: Lang,
  today: string,
  b: Batch,
  m: { schoolId: string; n: number },
  units: Units,
): SourcedAlert[] {
  const due = preferencesAlert(b, m.n, today);
  const unit = units.get(m.schoolId);
  if (!due || !unit || !canSeeCandidate(actor, b, m)) return [];
  const closed = due.daysLate > 0;
  return [
    alertOf('preferences_missing', `preferences:${b.id}:${m.schoolId}`, due, unit, {
      title: lang === 'zh' ? `${b.seasonName}${b.name}志愿填报` : `Preferences: ${b.seasonName}, ${b.name}`,
      message:
        lang === 'zh'
          ? `${m.n} 名考生未填报本批次志愿，填报${closed ? '已于' : '将于'} ${due.dueDate} 截止${when(lang, due.daysLate)}`
          : `${m.n} candidates have no choices in this batch; the window ${closed ? 'closed' : 'closes'} on ${due.dueDate} ${when(lang, due.daysLate)}`,
      link: `/enrollment/preferences?season=${b.seasonId}`,
    }),
  ];
}

function runAlerts(
  actor: Actor,
  lang: Lang,
  today: string,
  b: Batch,
  batches: readonly Batch[],
  units: Units,
): SourcedAlert[] {
  if (!b.pendingRunId || !canManageSeason(actor, b)) return [];
  const due = unpublishedRunAlert(b, batches, today);
  const unit = units.get(b.districtId);
  if (!due || !unit) return [];
  return [
    alertOf('run_unpublished', `run:${b.id}`, due, unit, {
      title: lang === 'zh' ? `${b.seasonName}${b.name}录取结果` : `Results: ${b.seasonName}, ${b.name}`,
      message:
        lang === 'zh'
          ? `录取已计算尚未公布，应于 ${due.dueDate} 前公布${when(lang, due.daysLate)}`
          : `The match is computed but not published; due by ${due.dueDate} ${when(lang, due.daysLate)}`,
      link: `/enrollment/seasons/${b.seasonId}/runs/${b.pendingRunId}`,
    }),
  ];
}

function registrationAlerts(
  actor: Actor,
  lang: Lang,
  today: string,
  b: Batch | undefined,
  u: { seasonId: string; districtId: string; publishedAt: Date | null; schoolId: string; n: number },
  units: Units,
): SourcedAlert[] {
  const due = b && u.publishedAt ? registrationAlert(u.publishedAt, u.n, today) : null;
  const unit = units.get(u.schoolId);
  if (!b || !due || !unit || !canSeeAdmissions(actor, u, u)) return [];
  return [
    alertOf('registration_pending', `registration:${b.id}:${u.schoolId}`, due, unit, {
      title: lang === 'zh' ? `${b.seasonName}${b.name}新生报到` : `报到: ${b.seasonName}, ${b.name}`,
      message:
        lang === 'zh'
          ? `${u.n} 名录取新生尚未登记报到，应于 ${due.dueDate} 前完成${when(lang, due.daysLate)}`
          : `${u.n} admitted students have no 报到 recorded; due by ${due.dueDate} ${when(lang, due.daysLate)}`,
      link: `/enrollment/admissions?season=${u.seasonId}`,
    }),
  ];
}
