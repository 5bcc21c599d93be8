import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import { daysBetween } from '../../platform/alerts/alert-tiers.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { unitRefsByIds } from '../org/index.ts';
import { checkedLogs } from './attendance.service.ts';
import { dutyShortAlerts } from './duty.alerts.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import { insuranceCovers } from './placement-facts.ts';
import type { PlacementRow } from './internships.repository.ts';
import { listPlacementRows } from './placements.service.ts';
import { listUnnotifiedInjuries } from './placement-life.repository.ts';
import { INCIDENT_KIND_LABELS } from '@zhijiao/contracts';
import { chinaDate } from '../../platform/clock/clock.ts';

/**
 * Alert source `internships`, over the running placements the actor sees:
 * - `insurance_gap` (red, as task （十三） wants every running internship insured): the policy on
 *   file ends before the placement (after an extension) or starts after it; due the day cover ends,
 *   which is also in its id (`internships:<placement>:insurance:<date>`): a gap closed and opened
 *   again later is a new alert, not acknowledged yet.
 * - `attendance_violation` (yellow): the attendance log has night, overtime or holiday work the
 *   post has not filed; addressed to the enterprise, which keeps the log.
 * - `incident_insurer_not_notified` (red): an injury (工伤, 意外伤害) reported on a placement the
 *   actor sees, with no notification of the insurer on file (the insurance claim not made);
 *   addressed to the school, due the day it happened, until the notification is recorded.
 * - `internship_duty_short` (yellow, red in the year's last week): an enterprise 规上 this year
 *   short of its 2 % posts, addressed to it; seen by the coordinator, the bureaus overseeing the
 *   duty and the enterprise itself (duty.alerts.ts).
 * The three are read side by side.
 */
export function createInternshipAlerts(deps: InternshipsDeps) {
  return async function alerts(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    const lists = await Promise.all([
      placementAlerts(deps, actor, lang, today),
      injuryAlerts(deps, actor, lang, today),
      dutyShortAlerts(deps, actor, lang, today),
    ]);
    return lists.flat();
  };
}

/**
 * Every running placement the actor sees, a page at a time (the attendance logs of one page are
 * read together): a district with more running placements than one page still gets all.
 */
async function placementAlerts(
  deps: InternshipsDeps,
  actor: Actor,
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  const out: SourcedAlert[] = [];
  for (let offset = 0; ; offset += ALERT_PAGE) {
    const rows = await listPlacementRows(deps, actor, { state: 'active' }, { limit: ALERT_PAGE, offset });
    out.push(...(await alertsOfPage(deps, rows, lang, today)));
    if (rows.length < ALERT_PAGE) break;
  }
  return out;
}

/** Injuries not reported to the insurer, on the placements the actor sees (oldest first). */
async function injuryAlerts(
  deps: InternshipsDeps,
  actor: Actor,
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  if (!actor.permissions.has('internship.read')) return [];
  const scope = actor.scope.all
    ? { all: true as const }
    : { all: false as const, unitIds: actor.scope.orgUnitIds };
  const rows = await listUnnotifiedInjuries(deps.db, scope, ALERT_PAGE);
  const units = await unitRefsByIds(
    deps.db,
    rows.map((r) => r.schoolId),
  );
  return rows.flatMap((r): SourcedAlert[] => {
    const school = units.get(r.schoolId);
    if (!school) return [];
    const day = chinaDate(r.occurredAt);
    const kind = INCIDENT_KIND_LABELS[r.kind][lang];
    return [
      {
        id: `internships:incident:${r.id}:insurer`,
        source: 'internships',
        kind: 'incident_insurer_not_notified',
        tier: 'red',
        unit: school,
        title: lang === 'zh' ? `${r.studentName}（${school.name}）` : `${r.studentName} (${school.name})`,
        message:
          lang === 'zh'
            ? `${day} 发生${kind}，尚未报保险公司（实习责任保险报案、理赔）`
            : `${kind} on ${day}: the insurer has not been notified (liability insurance claim)`,
        dueDate: day,
        daysLate: daysBetween(day, today),
        link: `/internships/placements/${r.placementId}`,
      },
    ];
  });
}

/** Running placements read per page by the alert source. */
const ALERT_PAGE = 500;

async function alertsOfPage(
  deps: InternshipsDeps,
  rows: PlacementRow[],
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  if (rows.length === 0) return [];
  const [units, logs] = await Promise.all([
    unitRefsByIds(deps.db, [...rows.map((r) => r.schoolId), ...rows.map((r) => r.enterpriseId)]),
    checkedLogs(deps, rows),
  ]);
  const out: SourcedAlert[] = [];
  for (const p of rows) {
    const school = units.get(p.schoolId);
    const enterprise = units.get(p.enterpriseId);
    if (!school || !enterprise) continue;
    const link = `/internships/placements/${p.id}`;
    const title =
      lang === 'zh'
        ? `${p.studentName}（${school.name} → ${enterprise.name}）`
        : `${p.studentName} (${school.name} → ${enterprise.name})`;
    if (!insuranceCovers(p)) {
      const gapFrom = p.insuranceEndsOn ?? p.startsOn;
      out.push({
        // Each gap is its own occurrence: once closed (a policy to the new end) an acknowledgement
        // of it must not carry over to the gap a later extension opens, so its start is in the id.
        id: `internships:${p.id}:insurance:${gapFrom}`,
        source: 'internships',
        kind: 'insurance_gap',
        tier: 'red',
        unit: school,
        title,
        message:
          lang === 'zh'
            ? p.insuranceEndsOn
              ? `实习期至 ${p.endsOn}，实习责任保险 ${p.insuranceStartsOn} 至 ${p.insuranceEndsOn}，未覆盖整个实习期`
              : `实习中，未登记实习责任保险`
            : p.insuranceEndsOn
              ? `The placement runs to ${p.endsOn}; the liability policy (${p.insuranceStartsOn} to ${p.insuranceEndsOn}) does not cover it all`
              : 'Running without a liability policy on file',
        dueDate: gapFrom,
        daysLate: daysBetween(gapFrom, today),
        link,
      });
    }
    const log = logs.get(p.id);
    if (log && log.violationCount > 0) {
      const last = log.entries.filter((e) => e.violations.length > 0).at(-1)!;
      out.push({
        id: `internships:${p.id}:attendance`,
        source: 'internships',
        kind: 'attendance_violation',
        tier: 'yellow',
        unit: enterprise,
        title,
        message:
          lang === 'zh'
            ? `考勤有 ${log.violationCount} 处违反实习工作时间规定，最近：${last.violations[0]!.zh}`
            : `${log.violationCount} breaches of the internship working-time rules; latest: ${last.violations[0]!.en}`,
        dueDate: last.date,
        daysLate: daysBetween(last.date, today),
        link,
      });
    }
  }
  return out;
}
