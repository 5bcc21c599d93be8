import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition, MetricValue } from '../../platform/metrics/metric-registry.ts';
import { findOrgUnitByCode, listOrgUnitInfo, listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { utilisation } from './booking.rules.ts';
import { DEFAULT_OPENING_HOURS, NAMED_HIGH_LEVEL_BASES } from './training-bases.config.ts';
import { runsBothReforms } from './group-rules.ts';
import {
  basesOwnedBy,
  bookedSessionsOf,
  programmesOfGroupsLedBy,
  type BaseRow,
} from './training-bases.repository.ts';

/** Metric names (camelCase segments, as plan files require). */
export const TRAINING_BASE_METRICS = {
  yitongBaseInOperation: NAMED_HIGH_LEVEL_BASES[0].metric,
  zhendongBaseInOperation: NAMED_HIGH_LEVEL_BASES[1].metric,
  schoolBasesInOperation: 'trainingBases.schoolBasesInOperation',
  reformingGroups: 'trainingBases.reformingGroups',
  utilisation: 'trainingBases.utilisation',
} as const;

/** In operation on `day`: status 建成运行 and the date it came into operation on or before it. */
export const operatingOn = (b: BaseRow, day: string) =>
  b.status === 'operating' && !!b.operatingSince && b.operatingSince <= day;

const countOf = (bases: BaseRow[]): MetricValue => ({
  value: bases.length,
  drillDown: bases.map((b) => ({
    label: `${b.name}（${b.operatingSince} 起运行）`,
    value: 1,
    ref: { type: 'training_base', id: b.id },
  })),
});

function namedBaseMetric(named: (typeof NAMED_HIGH_LEVEL_BASES)[number]): MetricDefinition {
  return {
    name: named.metric,
    title: named.title,
    description: {
      zh: `组织机构代码为 ${named.ownerCode} 的企业所属、状态为“建成运行”且投入运行日期不晚于期末的高水平专业化实训基地数量（≥1 即完成）`,
      en: `High-level bases owned by the enterprise with org-unit code ${named.ownerCode}, in operation with the date it came into operation on or before the period's end (≥ 1 completes)`,
    },
    unit: '个',
    async compute(ctx: MetricContext) {
      const owner = await findOrgUnitByCode(ctx.db, named.ownerCode);
      if (!owner) return { value: 0, drillDown: [] };
      const units = new Set(await listSubtreeIds(ctx.db, ctx.orgUnitId));
      if (!units.has(owner.id)) return { value: 0, drillDown: [] };
      const bases = (await basesOwnedBy(ctx.db, [owner.id])).filter(
        (b) => b.kind === 'high_level' && operatingOn(b, ctx.period.endsOn),
      );
      return countOf(bases);
    },
  };
}

const schoolBasesInOperation: MetricDefinition = {
  name: TRAINING_BASE_METRICS.schoolBasesInOperation,
  title: {
    zh: '职业学校校内（含校企共建）实训基地建成运行数',
    en: 'In-school and co-built bases in operation at vocational schools',
  },
  description: {
    zh: '由职业学校所属、类型为校内实训基地或校企共建实训基地、状态为“建成运行”且投入运行日期不晚于期末的基地数量',
    en: 'Bases owned by a vocational school, in-school or co-built, in operation with the date it came into operation on or before the period’s end',
  },
  unit: '个',
  async compute(ctx) {
    const schools = (await listOrgUnitInfo(ctx.db, { under: ctx.orgUnitId, types: ['school'] }))
      .filter(keepsVocationalRecords)
      .map((u) => u.id);
    const bases = (await basesOwnedBy(ctx.db, schools)).filter(
      (b) => b.kind !== 'high_level' && operatingOn(b, ctx.period.endsOn),
    );
    return countOf(bases);
  },
};

const reformingGroups: MetricDefinition = {
  name: TRAINING_BASE_METRICS.reformingGroups,
  title: {
    zh: '同时开展中高职衔接招生与学徒制培养的职教集团数',
    en: 'Groups running both articulation enrolment and apprenticeship classes',
  },
  description: {
    zh: '期内（按年度）既有“中高职衔接招生”项目、又有“现代学徒制班”或“企业新型学徒制班”项目的职业教育集团数量',
    en: 'Vocational-education groups that, in the period’s years, ran both a secondary–higher articulation enrolment programme and a modern or enterprise new-type apprenticeship class',
  },
  unit: '个',
  async compute(ctx) {
    const units = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const rows = await programmesOfGroupsLedBy(
      ctx.db,
      units,
      Number(ctx.period.startsOn.slice(0, 4)),
      Number(ctx.period.endsOn.slice(0, 4)),
    );
    const byGroup = new Map<string, { name: string; kinds: Array<(typeof rows)[number]['kind']> }>();
    for (const r of rows) {
      const g = byGroup.get(r.groupId) ?? { name: r.groupName, kinds: [] };
      g.kinds.push(r.kind);
      byGroup.set(r.groupId, g);
    }
    const reforming = [...byGroup].filter(([, g]) => runsBothReforms(g.kinds));
    return {
      value: reforming.length,
      drillDown: reforming.map(([id, g]) => ({ label: g.name, value: 1, ref: { type: 'vet_group', id } })),
    };
  },
};

const utilisationMetric: MetricDefinition = {
  name: TRAINING_BASE_METRICS.utilisation,
  title: { zh: '实训基地工位利用率', en: 'Training-base station utilisation' },
  description: {
    zh: `期内各建成运行实训基地已预约工位时数（参训人数 × 时长，不含已取消）之和 ÷ 可用工位时数（工位数 × 每日开放时长 × 运行期内开放天数）之和 × 100%；开放时间：${DEFAULT_OPENING_HOURS.source}`,
    en: 'Booked station-hours (group size × hours, cancelled sessions left out) of the bases in operation ÷ their available station-hours (stations × daily opening hours × open days while in operation) in the period × 100%; opening hours Monday–Friday 08:00–18:00 by default',
  },
  unit: '%',
  async compute(ctx) {
    const units = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const bases = (await basesOwnedBy(ctx.db, units)).filter((b) => operatingOn(b, ctx.period.endsOn));
    const sessions = await bookedSessionsOf(
      ctx.db,
      bases.map((b) => b.id),
      ctx.period.startsOn,
      ctx.period.endsOn,
    );
    const from = Number(ctx.period.startsOn.slice(0, 4));
    const to = Number(ctx.period.endsOn.slice(0, 4));
    const owners = await unitRefsByIds(
      ctx.db,
      bases.map((b) => b.ownerId),
    );
    let booked = 0;
    let available = 0;
    const drillDown = bases.map((b) => {
      let n = 0;
      let d = 0;
      for (let y = from; y <= to; y++) {
        const u = utilisation(
          y,
          b,
          sessions.filter((s) => s.baseId === b.id),
          DEFAULT_OPENING_HOURS,
        );
        n += u.bookedStationHours;
        d += u.availableStationHours;
      }
      booked += n;
      available += d;
      return {
        label: `${b.name}（${owners.get(b.ownerId)?.name ?? ''}）`,
        value: d === 0 ? 0 : Math.round((n / d) * 1000) / 10,
        numerator: Math.round(n * 10) / 10,
        denominator: d,
        ref: { type: 'training_base', id: b.id },
      };
    });
    return {
      value: available === 0 ? 0 : Math.round((booked / available) * 1000) / 10,
      numerator: Math.round(booked * 10) / 10,
      denominator: available,
      drillDown,
    };
  },
};

export const TRAINING_BASE_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  ...NAMED_HIGH_LEVEL_BASES.map(namedBaseMetric),
  schoolBasesInOperation,
  reformingGroups,
  utilisationMetric,
];
