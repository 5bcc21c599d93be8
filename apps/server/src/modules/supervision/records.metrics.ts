import { INSPECTION_KIND_LABELS, type SanctionKind } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { unitRefsByIds } from '../org/index.ts';
import { listHeldInspections, listInterviewsHeld, listSanctionsDecided } from './metrics.repository.ts';
import type { MetricScope } from './stats.repository.ts';

/*
 * Count metrics of （十九） 督导评估: inspections held (定期 and 专项 told apart in the drill-down,
 * and a metric that holds only once both kinds were held), interviews (约谈) and rewards or
 * penalties (奖惩) recorded. Each counts records dated in the period, up to today while it runs.
 */

/** Metric names, as plan files write them. */
export const SUPERVISION_RECORD_METRICS = {
  inspectionsHeld: 'supervision.inspectionsHeld',
  bothInspectionKindsHeld: 'supervision.bothInspectionKindsHeld',
  interviewsHeld: 'supervision.interviewsHeld',
  sanctionsDecided: 'supervision.sanctionsDecided',
} as const;

const scopeOf = (ctx: MetricContext): MetricScope => ({
  orgUnitId: ctx.orgUnitId,
  from: ctx.period.startsOn,
  to: ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn,
});

const SANCTION_KIND: Record<SanctionKind, string> = { reward: '奖励', penalty: '惩处' };

async function heldInspections(ctx: MetricContext) {
  const rows = await listHeldInspections(ctx.db, scopeOf(ctx));
  return {
    regular: rows.filter((r) => r.kind === 'regular').length,
    special: rows.filter((r) => r.kind === 'special').length,
    drillDown: rows.map((r) => ({
      label: `${INSPECTION_KIND_LABELS[r.kind].zh}：${r.title}（${r.startsOn} 开始）`,
      value: 1,
      ref: { type: 'inspection', id: r.id },
    })),
  };
}

/** 督导次数: inspections started in the period, each row saying 定期督导 or 专项督导. */
const inspectionsHeld: MetricDefinition = {
  name: SUPERVISION_RECORD_METRICS.inspectionsHeld,
  title: { zh: '开展的职业教育督导（定期与专项）', en: 'Inspections held (regular and special)' },
  description: {
    zh: '本期内开始的定期督导和专项督导次数之和',
    en: 'Regular and special inspections started in the period',
  },
  unit: '次',
  async compute(ctx) {
    const { regular, special, drillDown } = await heldInspections(ctx);
    return { value: regular + special, drillDown };
  },
};

/**
 * 定期与专项督导均已开展: the smaller of the two counts, so it is ≥ 1 exactly when at least one
 * 定期 and one 专项 inspection were held in the period — what "建立定期督导评估和专项督导评估制度"
 * asks of the records (a milestone completed by it needs both kinds).
 */
const bothInspectionKindsHeld: MetricDefinition = {
  name: SUPERVISION_RECORD_METRICS.bothInspectionKindsHeld,
  title: {
    zh: '定期督导与专项督导均已开展（两类中较少一类的次数）',
    en: 'Both regular and special inspections held (count of the rarer kind)',
  },
  description: {
    zh: '本期内定期督导次数与专项督导次数中较少的一个；两类都开展过时不少于1',
    en: 'The smaller of the counts of regular and special inspections started in the period: at least 1 once both kinds were held',
  },
  unit: '次',
  async compute(ctx) {
    const { regular, special, drillDown } = await heldInspections(ctx);
    return { value: Math.min(regular, special), drillDown };
  },
};

/**
 * A count of records, one drill-down row each, labelled with the unit and the date only: the
 * drill-down reaches every reader of the plan, while reasons, grounds and points stay with
 * supervision's own pages.
 */
async function unitDatedCount(
  ctx: MetricContext,
  rows: ReadonlyArray<{ id: string; orgUnitId: string; on: string; prefix?: string }>,
  refType: string,
) {
  const units = await unitRefsByIds(
    ctx.db,
    rows.map((r) => r.orgUnitId),
  );
  return {
    value: rows.length,
    drillDown: rows.map((r) => ({
      label: `${r.prefix ?? ''}${units.get(r.orgUnitId)?.name ?? ''}（${r.on}）`,
      value: 1,
      ref: { type: refType, id: r.id },
    })),
  };
}

/** 约谈次数: interviews held in the period, one row per interview with the unit interviewed. */
const interviewsHeld: MetricDefinition = {
  name: SUPERVISION_RECORD_METRICS.interviewsHeld,
  title: { zh: '督导约谈', en: 'Supervision interviews (约谈) held' },
  description: {
    zh: '本期内开展的督导约谈次数',
    en: 'Supervision interviews held in the period',
  },
  unit: '次',
  async compute(ctx) {
    const rows = await listInterviewsHeld(ctx.db, scopeOf(ctx));
    return unitDatedCount(
      ctx,
      rows.map((r) => ({ id: r.id, orgUnitId: r.orgUnitId, on: r.heldOn })),
      'interview',
    );
  },
};

/** 奖惩: rewards and penalties decided in the period, one row per decision with its kind. */
const sanctionsDecided: MetricDefinition = {
  name: SUPERVISION_RECORD_METRICS.sanctionsDecided,
  title: { zh: '督导奖惩决定', en: 'Rewards and penalties decided' },
  description: {
    zh: '本期内作出的督导奖励和惩处决定项数',
    en: 'Rewards and penalties decided in the period',
  },
  unit: '项',
  async compute(ctx) {
    const rows = await listSanctionsDecided(ctx.db, scopeOf(ctx));
    return unitDatedCount(
      ctx,
      rows.map((r) => ({
        id: r.id,
        orgUnitId: r.orgUnitId,
        on: r.decidedOn,
        prefix: `${SANCTION_KIND[r.kind]}：`,
      })),
      'sanction',
    );
  },
};

/** The count metrics of the supervision records. */
export const SUPERVISION_RECORD_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  inspectionsHeld,
  bothInspectionKindsHeld,
  interviewsHeld,
  sanctionsDecided,
];
