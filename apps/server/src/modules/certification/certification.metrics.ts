/**
 * The numbers the plan reads of certification (task （十二）): enterprises certified and in force,
 * and whether every kind of the 组合式激励 has been granted. Milestones T12-PCI-ENTERPRISES and
 * T12-INCENTIVES complete by them (plans/shangdang/action-plan.yaml).
 */
import { INCENTIVE_KIND_LABELS, INCENTIVE_KINDS } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { DEFAULT_CERTIFICATION_RULES } from './certification.config.ts';
import { certificationStateOn } from './certification.rules.ts';

/** Metric names (camelCase segments, as plan files require). */
export const CERTIFICATION_METRICS = {
  certifiedEnterprises: 'certification.certifiedEnterprises',
  combinedIncentivesGranted: 'certification.combinedIncentivesGranted',
} as const;

const lastDay = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

/** 产教融合型企业: enterprises under the unit whose certification is in force on the period's last day. */
const certifiedEnterprises: MetricDefinition = {
  name: CERTIFICATION_METRICS.certifiedEnterprises,
  title: { zh: '认定的产教融合型企业数', en: 'Certified industry–education enterprises' },
  description: {
    zh: '期末（或今日）认定有效的产教融合型企业家数：区发改科技局认定、未到期、未撤销（待年度复核的仍计入）',
    en: 'Enterprises whose certification by 区发改科技局 is in force on the period’s last day (or today): certified, not expired, not revoked (a re-check merely due still counts)',
  },
  unit: '家',
  async compute(ctx) {
    const on = lastDay(ctx);
    const units = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    if (units.length === 0) return { value: 0, drillDown: [] };
    const rows = await ctx.db
      .selectFrom('certificationApplication')
      .select(['id', 'enterpriseId', 'certifiedOn', 'validUntil', 'revokedOn'])
      .where('certifiedOn', 'is not', null)
      .where('certifiedOn', '<=', on)
      .where('enterpriseId', 'in', units)
      .execute();
    const inForce = rows.filter((r) => {
      const s = certificationStateOn(
        {
          certifiedOn: r.certifiedOn!,
          validUntil: r.validUntil!,
          revokedOn: r.revokedOn,
          lastRecheckOn: null,
        },
        DEFAULT_CERTIFICATION_RULES,
        on,
      );
      return s === 'valid' || s === 'recheck_due';
    });
    const ids = [...new Set(inForce.map((r) => r.enterpriseId))];
    const names = await unitRefsByIds(ctx.db, ids);
    return {
      value: ids.length,
      drillDown: inForce.map((r) => ({
        label: `${names.get(r.enterpriseId)?.name ?? ''}（${r.certifiedOn} 认定）`,
        value: 1,
        ref: { type: 'org_unit', id: r.enterpriseId },
      })),
    };
  },
};

/**
 * 组合式激励落实: the smaller of the counts of incentives granted in the period of each kind — 金融,
 * 财政, 土地, 信用 and 税收 — to enterprises under the unit, so it is ≥ 1 exactly when every kind
 * has been granted at least once: "金融+财政+土地+信用"组合式激励 and 税收优惠 in effect.
 */
const combinedIncentivesGranted: MetricDefinition = {
  name: CERTIFICATION_METRICS.combinedIncentivesGranted,
  title: {
    zh: '“金融+财政+土地+信用”组合式激励及税收优惠均已落实（五类中最少一类的次数）',
    en: 'Financial, fiscal, land and credit incentives and tax relief all granted (count of the rarest kind)',
  },
  description: {
    zh: '本期内向认定有效的产教融合型企业落实的金融、财政、土地、信用、税收五类激励措施中，次数最少一类的次数；五类均至少落实1次时不少于1',
    en: 'Of the incentives granted in the period to certified industry–education enterprises, the count of the rarest of the five kinds (financial, fiscal, land, credit, tax): at least 1 once every kind was granted at least once',
  },
  unit: '次',
  async compute(ctx) {
    const units = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    if (units.length === 0) return { value: 0, drillDown: [] };
    const rows = await ctx.db
      .selectFrom('certificationIncentive')
      .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('enterpriseId', 'in', units)
      .where('grantedOn', '>=', ctx.period.startsOn)
      .where('grantedOn', '<=', lastDay(ctx))
      .groupBy('kind')
      .execute();
    const counts = new Map(rows.map((r) => [r.kind, Number(r.n)]));
    return {
      value: Math.min(...INCENTIVE_KINDS.map((k) => counts.get(k) ?? 0)),
      drillDown: INCENTIVE_KINDS.map((k) => ({
        label: INCENTIVE_KIND_LABELS[k].zh,
        value: counts.get(k) ?? 0,
      })),
    };
  },
};

export const CERTIFICATION_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  certifiedEnterprises,
  combinedIncentivesGranted,
];
