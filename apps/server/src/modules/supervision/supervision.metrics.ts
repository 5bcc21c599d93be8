import type { MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { unitRefsByIds } from '../org/index.ts';
import { SUPERVISION_RECORD_METRIC_DEFINITIONS } from './records.metrics.ts';
import { countOrdersDueByUnit, countOverdueOrdersByUnit } from './stats.repository.ts';
import { byText, shiftDate } from './supervision.rules.ts';

/** Share of a count, in percent with one decimal. */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

const closedOnTimeShare: MetricDefinition = {
  name: 'supervision.ordersClosedOnTimeShare',
  title: { zh: '整改通知按期销号率', en: 'Share of rectification orders closed on time' },
  description: {
    zh: '本期内整改期限已到的整改通知中，在期限内（含经批准延期）销号的件数 ÷ 期限已到的件数 × 100%',
    en: 'Rectification orders closed by their deadline (an approved extension counts) ÷ orders whose deadline fell in the period × 100%',
  },
  unit: '%',
  async compute(ctx) {
    // An order is judged once its deadline has passed: while the period runs, those due up to
    // yesterday (one due today may still be closed today, on time). The deadline in force
    // counts (an approved extension moves it).
    const upTo = ctx.today <= ctx.period.endsOn ? shiftDate(ctx.today, -1) : ctx.period.endsOn;
    const rows = await countOrdersDueByUnit(ctx.db, {
      orgUnitId: ctx.orgUnitId,
      from: ctx.period.startsOn,
      to: upTo,
    });
    const units = await unitRefsByIds(
      ctx.db,
      rows.map((r) => r.orgUnitId),
    );
    const due = rows.reduce((n, r) => n + r.due, 0);
    const onTime = rows.reduce((n, r) => n + r.onTime, 0);
    return {
      value: percent(onTime, due),
      numerator: onTime,
      denominator: due,
      drillDown: rows
        .map((r) => ({ ...r, unit: units.get(r.orgUnitId) }))
        .sort((a, b) => byText(a.unit?.code ?? '', b.unit?.code ?? ''))
        .map((r) => ({
          label: r.unit?.name ?? '',
          value: percent(r.onTime, r.due),
          numerator: r.onTime,
          denominator: r.due,
          ref: { type: 'org_unit', id: r.orgUnitId },
        })),
    };
  },
};

const openOverdueOrders: MetricDefinition = {
  name: 'supervision.openOverdueOrders',
  title: { zh: '逾期未销号的整改通知', en: 'Rectification orders open past their deadline' },
  description: {
    zh: '截至期末（期内为当日）已超过整改期限仍未销号的整改通知件数',
    en: 'Rectification orders still open past their deadline at the period’s end (today while it runs)',
  },
  unit: '件',
  async compute(ctx) {
    const asOf = ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn;
    const rows = await countOverdueOrdersByUnit(ctx.db, ctx.orgUnitId, asOf);
    const units = await unitRefsByIds(
      ctx.db,
      rows.map((r) => r.orgUnitId),
    );
    return {
      value: rows.reduce((n, r) => n + r.n, 0),
      drillDown: rows
        .map((r) => ({
          label: units.get(r.orgUnitId)?.name ?? '',
          value: r.n,
          ref: { type: 'org_unit', id: r.orgUnitId },
        }))
        .sort((a, b) => byText(a.label, b.label)),
    };
  },
};

/** This module's metrics (plan indicators may be computed by them). */
export const SUPERVISION_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  closedOnTimeShare,
  openOverdueOrders,
  ...SUPERVISION_RECORD_METRIC_DEFINITIONS,
];
