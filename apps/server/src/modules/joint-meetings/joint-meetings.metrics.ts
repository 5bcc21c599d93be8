import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds } from '../org/index.ts';
import { listDecisionsDue, listHeldMeetings, type MetricWindow } from './metrics.repository.ts';

/** Metric names, as plan files write them (`metric: jointMeetings.meetingsHeld`). */
export const JOINT_MEETING_METRICS = {
  meetingsHeld: 'jointMeetings.meetingsHeld',
  decisionsOnTimeShare: 'jointMeetings.decisionsOnTimeShare',
} as const;

/** The districts under the asked unit, from the period's start to its end (or today while it runs). */
async function windowOf(ctx: MetricContext): Promise<MetricWindow> {
  return {
    districtIds: await listSubtreeIds(ctx.db, ctx.orgUnitId),
    from: ctx.period.startsOn,
    to: ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn,
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * 联席会议召开次数: meetings held (attendance recorded) with their date in the period. A yearly
 * indicator asks with a calendar year as the period, so "≥ 1 a year" counts that year's meetings.
 * Drill-down: one row per meeting.
 */
const meetingsHeld: MetricDefinition = {
  name: JOINT_MEETING_METRICS.meetingsHeld,
  title: { zh: '召开的职业教育部门联席会议', en: 'Joint meetings on vocational education held' },
  description: {
    zh: '本期内召开（已登记出席情况）的职业教育部门联席会议次数',
    en: 'Joint meetings held (attendance recorded) in the period',
  },
  unit: '次',
  async compute(ctx) {
    const rows = await listHeldMeetings(ctx.db, await windowOf(ctx));
    return {
      value: rows.length,
      drillDown: rows.map((m) => ({
        label: `第${m.number}次联席会议：${m.title}（${m.meetingDate}）`,
        value: 1,
        ref: { type: 'meeting', id: m.id },
      })),
    };
  },
};

/**
 * 议定事项按期办结率: of the decisions (action items) whose deadline falls in the period, the share
 * accepted as done (销号) on or before their deadline. An item still open, or done late, counts
 * against; drafts (minutes not yet final) are not decisions yet. Drill-down: one row per item,
 * value 1 when done on time.
 */
const decisionsOnTimeShare: MetricDefinition = {
  name: JOINT_MEETING_METRICS.decisionsOnTimeShare,
  title: {
    zh: '联席会议议定事项按期办结率',
    en: 'Share of joint-meeting decisions completed by their deadline',
  },
  description: {
    zh: '办结期限在本期内的议定事项中，在期限内销号的项数 ÷ 期限在本期内的项数 × 100%',
    en: 'Action items closed by their deadline ÷ action items whose deadline fell in the period × 100%',
  },
  unit: '%',
  async compute(ctx) {
    const rows = await listDecisionsDue(ctx.db, await windowOf(ctx));
    const onTime = (r: (typeof rows)[number]) =>
      r.state === 'completed' && r.completedOn !== null && r.completedOn <= r.deadline;
    const done = rows.filter(onTime).length;
    return {
      value: percent(done, rows.length),
      numerator: done,
      denominator: rows.length,
      drillDown: rows.map((r) => ({
        label: `第${r.meetingNumber}次会议第${r.number}项：${r.decision}（期限 ${r.deadline}${
          r.completedOn ? `，${r.completedOn} 办结` : '，未办结'
        }）`,
        value: onTime(r) ? 1 : 0,
        ref: { type: 'action_item', id: r.id },
      })),
    };
  },
};

/** This module's metrics (plan indicators and milestones may name them). */
export const JOINT_MEETING_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  meetingsHeld,
  decisionsOnTimeShare,
];
