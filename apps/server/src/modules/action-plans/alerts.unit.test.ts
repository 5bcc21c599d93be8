import { describe, expect, it } from 'vitest';
import { collapseEndedPlanAlerts, computeAlerts, type AlertInput } from './alerts.ts';

const base: AlertInput = {
  today: '2021-05-20',
  tasks: [{ id: 't1', leadUnitId: 'u1' }],
  periods: [
    { id: 'q4', label: '2020Q4', startsOn: '2020-10-01', dueOn: '2021-01-10' },
    { id: 'q1', label: '2021Q1', startsOn: '2021-01-01', dueOn: '2021-04-10' },
    { id: 'q2', label: '2021Q2', startsOn: '2021-04-01', dueOn: '2021-07-10' },
  ],
  handedIn: new Set(['t1:q4', 't1:q1']),
  indicators: [],
  milestones: [],
};

describe('computeAlerts', () => {
  it('raises nothing when every due report is in and nothing is near', () => {
    expect(computeAlerts(base)).toEqual([]);
  });
  it('raises one overdue alert per task for the latest missed period, counting the missed ones', () => {
    const alerts = computeAlerts({ ...base, handedIn: new Set() });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'report_overdue', unitId: 'u1', daysLate: 40, tier: 'red' });
    expect(alerts[0]?.facts).toMatchObject({ period: '2021Q1', missingPeriods: 2 });
  });
  it('reminds in blue when this period is due within a week', () => {
    const alerts = computeAlerts({ ...base, today: '2021-07-05' });
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'deadline_approaching', tier: 'blue', daysLate: -5 }),
    ]);
  });
  it('flags an unfinished milestone past due to the milestone unit, else the lead', () => {
    const alerts = computeAlerts({
      ...base,
      milestones: [
        { id: 'm1', taskId: 't1', unitId: null, due: '2021-05-01', completedOn: null },
        { id: 'm2', taskId: 't1', unitId: 'u9', due: '2021-05-10', completedOn: null },
        { id: 'm3', taskId: 't1', unitId: null, due: '2021-05-01', completedOn: '2021-04-30' },
      ],
    });
    expect(alerts.map((a) => [a.kind, a.unitId, a.tier])).toEqual([
      ['milestone_overdue', 'u1', 'yellow'],
      ['milestone_overdue', 'u9', 'yellow'],
    ]);
  });
  it('turns off-track indicators red and at-risk ones yellow, addressed to the lead unit', () => {
    const alerts = computeAlerts({
      ...base,
      indicators: [
        { id: 'i1', taskId: 't1', status: 'off_track', deadline: '2021-01-01', latestValue: 3 },
        { id: 'i2', taskId: 't1', status: 'at_risk', deadline: '2022-01-01', latestValue: 1 },
        { id: 'i3', taskId: 't1', status: 'met', deadline: '2022-01-01', latestValue: 9 },
      ],
    });
    expect(alerts.map((a) => [a.indicatorId, a.tier])).toEqual([
      ['i1', 'red'],
      ['i2', 'yellow'],
    ]);
  });
});

describe('collapseEndedPlanAlerts', () => {
  const plan = { planId: 'p', endDate: '2022-12-31', closed: false, coordinatingUnitId: 'edu' };
  const late = computeAlerts({
    ...base,
    today: '2026-12-07',
    indicators: [
      { id: 'i1', taskId: 't1', status: 'off_track', deadline: '2022-12-31', latestValue: 3 },
      { id: 'i2', taskId: 't1', status: 'off_track', deadline: '2021-12-31', latestValue: null },
    ],
    milestones: [{ id: 'm1', taskId: 't1', unitId: null, due: '2022-06-30', completedOn: null }],
  });

  it('passes a running plan’s alerts through unchanged', () => {
    expect(collapseEndedPlanAlerts(late, '2022-12-31', plan)).toBe(late);
  });
  it('collapses an ended plan’s overdue alerts into one plan_ended alert to the coordinating unit', () => {
    expect(late.length).toBeGreaterThan(3);
    const [only, ...rest] = collapseEndedPlanAlerts(late, '2026-12-07', plan);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      kind: 'plan_ended',
      unitId: 'edu',
      taskId: null,
      indicatorId: null,
      dueDate: '2023-03-31',
      tier: 'red',
      facts: { endDate: '2022-12-31', indicatorsOffTrack: 2, milestonesOverdue: 1 },
    });
    expect(only?.facts.reportsMissing).toBeGreaterThan(0);
  });
  it('tiers the plan_ended alert by time since the end: blue within the grace, yellow up to 30 days past, red after', () => {
    const tier = (today: string) => collapseEndedPlanAlerts([], today, plan)[0]?.tier;
    expect(tier('2023-01-01')).toBe('blue');
    expect(tier('2023-03-31')).toBe('blue');
    expect(tier('2023-04-30')).toBe('yellow');
    expect(tier('2023-05-01')).toBe('red');
  });
  it('raises nothing at all for a closed plan', () => {
    expect(collapseEndedPlanAlerts(late, '2026-12-07', { ...plan, closed: true })).toEqual([]);
    expect(collapseEndedPlanAlerts(late, '2021-05-20', { ...plan, closed: true })).toEqual([]);
  });
});
