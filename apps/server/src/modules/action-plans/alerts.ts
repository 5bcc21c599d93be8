import type { AlertKind, AlertTier, IndicatorStatus } from '@zhijiao/contracts';
import {
  APPROACHING_DAYS,
  daysBetween,
  deadlineTier,
  tierForLateness,
} from '../../platform/alerts/alert-tiers.ts';

export interface Alert {
  id: string;
  kind: AlertKind;
  tier: AlertTier;
  unitId: string;
  taskId: string | null;
  indicatorId: string | null;
  dueDate: string | null;
  /** Days past the due date; negative = days left. */
  daysLate: number;
  /** Extra numbers for the message (missed periods, latest value …). */
  facts: Record<string, string | number | null>;
}

export interface AlertInput {
  today: string;
  tasks: Array<{ id: string; leadUnitId: string }>;
  periods: Array<{ id: string; label: string; startsOn: string; dueOn: string }>;
  /** `${taskId}:${periodId}` of reports the lead unit handed in. */
  handedIn: ReadonlySet<string>;
  indicators: Array<{
    id: string;
    taskId: string;
    status: IndicatorStatus;
    deadline: string;
    latestValue: number | null;
    /** Labels (zh, en) of the periods a recurring target missed, e.g. 2020年度 / 2020. */
    missed?: Array<{ label: string; labelEn: string }>;
  }>;
  milestones: Array<{
    id: string;
    taskId: string;
    unitId: string | null;
    due: string;
    completedOn: string | null;
  }>;
}

/**
 * Alerts raised by the state of a plan on `today`, addressed to the responsible unit:
 * - report_overdue (one per task: the latest period whose report is past due, with how many are missing);
 * - deadline_approaching (this period's report, or a milestone, due within 7 days);
 * - milestone_overdue; indicator_off_track (red when off track, yellow when at risk).
 */
export function computeAlerts(input: AlertInput): Alert[] {
  const { today } = input;
  const alerts: Alert[] = [];
  const leadOf = new Map(input.tasks.map((t) => [t.id, t.leadUnitId]));
  for (const task of input.tasks) {
    const missing = input.periods.filter((p) => p.dueOn < today && !input.handedIn.has(`${task.id}:${p.id}`));
    const latest = missing[missing.length - 1];
    if (latest) {
      const daysLate = daysBetween(latest.dueOn, today);
      alerts.push({
        id: `report_overdue:${task.id}:${latest.id}`,
        kind: 'report_overdue',
        tier: tierForLateness(daysLate),
        unitId: task.leadUnitId,
        taskId: task.id,
        indicatorId: null,
        dueDate: latest.dueOn,
        daysLate,
        facts: { period: latest.label, missingPeriods: missing.length },
      });
    }
    const open = input.periods.find(
      (p) => p.startsOn <= today && p.dueOn >= today && !input.handedIn.has(`${task.id}:${p.id}`),
    );
    if (open && daysBetween(today, open.dueOn) <= APPROACHING_DAYS) {
      alerts.push({
        id: `deadline_approaching:${task.id}:${open.id}`,
        kind: 'deadline_approaching',
        tier: 'blue',
        unitId: task.leadUnitId,
        taskId: task.id,
        indicatorId: null,
        dueDate: open.dueOn,
        daysLate: -daysBetween(today, open.dueOn),
        facts: { period: open.label },
      });
    }
  }
  for (const m of input.milestones) {
    if (m.completedOn) continue;
    const unitId = m.unitId ?? leadOf.get(m.taskId);
    if (!unitId) continue;
    const { daysLate, tier } = deadlineTier(m.due, today);
    if (tier) {
      alerts.push({
        id: `milestone:${m.id}`,
        kind: daysLate > 0 ? 'milestone_overdue' : 'deadline_approaching',
        tier,
        unitId,
        taskId: m.taskId,
        indicatorId: null,
        dueDate: m.due,
        daysLate,
        facts: { milestone: m.id },
      });
    }
  }
  for (const ind of input.indicators) {
    if (ind.status !== 'off_track' && ind.status !== 'at_risk') continue;
    const unitId = leadOf.get(ind.taskId);
    if (!unitId) continue;
    alerts.push({
      id: `indicator:${ind.id}`,
      kind: 'indicator_off_track',
      tier: ind.status === 'off_track' ? 'red' : 'yellow',
      unitId,
      taskId: ind.taskId,
      indicatorId: ind.id,
      dueDate: ind.deadline,
      daysLate: Math.max(daysBetween(ind.deadline, today), 0),
      facts: {
        latestValue: ind.latestValue,
        missed: ind.missed?.map((m) => m.label).join('、') || null,
        missedEn: ind.missed?.map((m) => m.labelEn).join(', ') || null,
      },
    });
  }
  const order = { red: 0, yellow: 1, blue: 2 } as const;
  return alerts.sort(
    (a, b) => order[a.tier] - order[b.tier] || b.daysLate - a.daysLate || a.id.localeCompare(b.id),
  );
}
