import { APPRENTICESHIP_SCHEME_LABELS, type CentreKind } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import {
  agreementsRunningOn,
  apprenticeshipsRunning,
  centresOperatingOn,
  projectsStartedIn,
} from './cooperation.queries.ts';

/** Metric names (camelCase segments, as plan files require). */
export const COOPERATION_METRICS = {
  agreementsInForce: 'cooperation.agreementsInForce',
  innovationCentresOperating: 'cooperation.innovationCentresOperating',
  teachingFactoriesOperating: 'cooperation.teachingFactoriesOperating',
  apprenticeshipsUnderBothSchemes: 'cooperation.apprenticeshipsUnderBothSchemes',
  staffTrained: 'cooperation.staffTrained',
} as const;

/** The window a count reads: the period, cut at today while it runs. */
const windowEnd = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

const agreementsInForce: MetricDefinition = {
  name: COOPERATION_METRICS.agreementsInForce,
  title: { zh: '有效的校企合作协议', en: 'School–enterprise cooperation agreements in force' },
  description: {
    zh: '期末（期间未结束时为今天）已签订（签订日期不晚于该日且已上传签字盖章的协议文本）、处于有效期内、未终止的职业学校与企业合作协议份数，按协议列示',
    en: 'Agreements between vocational schools and enterprises in force on the period’s end (today while it runs): signed by then with the signed copy on file, started, not ended, not terminated; one row each',
  },
  unit: '份',
  async compute(ctx) {
    const rows = await agreementsRunningOn(
      ctx.db,
      await listSubtreeIds(ctx.db, ctx.orgUnitId),
      windowEnd(ctx),
    );
    return {
      value: rows.length,
      drillDown: rows.map((a) => ({
        label: a.title,
        value: 1,
        ref: { type: 'cooperation_agreement', id: a.id },
      })),
    };
  },
};

function centresOperating(
  name: string,
  kind: CentreKind,
  title: MetricDefinition['title'],
  zh: string,
  en: string,
): MetricDefinition {
  return {
    name,
    title,
    description: { zh, en },
    unit: '个',
    async compute(ctx) {
      const schools = await listSubtreeIds(ctx.db, ctx.orgUnitId);
      const rows = await centresOperatingOn(ctx.db, schools, kind, windowEnd(ctx));
      const units = await unitRefsByIds(
        ctx.db,
        rows.map((r) => r.schoolId),
      );
      return {
        value: rows.length,
        drillDown: rows.map((c) => ({
          label: `${c.name}（${units.get(c.schoolId)?.name ?? ''}，${c.openedOn} 成立）`,
          value: 1,
          ref: { type: 'cooperation_centre', id: c.id },
        })),
      };
    },
  };
}

/**
 * T12-INNOVATION-CENTRE: "职业学校与行业企业共建应用技术协同创新中心" — completed once a centre with
 * at least one partner is recorded in operation.
 */
const innovationCentresOperating = centresOperating(
  COOPERATION_METRICS.innovationCentresOperating,
  'innovation_centre',
  { zh: '运行中的应用技术协同创新中心', en: 'Applied-technology innovation centres in operation' },
  '期末（期间未结束时为今天）已成立、未停办的职业学校与企业共建的应用技术协同创新中心个数，按中心列示',
  'Applied-technology innovation centres built by vocational schools with enterprises, opened and not closed on the period’s end (today while it runs), one row each',
);

/** T13-TEACHING-FACTORY: "职业学校校内教学工厂" (run alone or with enterprises, 引企入校). */
const teachingFactoriesOperating = centresOperating(
  COOPERATION_METRICS.teachingFactoriesOperating,
  'teaching_factory',
  { zh: '运行中的校内教学工厂', en: 'In-school teaching factories in operation' },
  '期末（期间未结束时为今天）已成立、未停办的职业学校校内教学工厂（学校单独举办或“引企入校”合作举办）个数，按工厂列示',
  'In-school teaching factories (run by the school alone or with enterprises brought in) opened and not closed on the period’s end (today while it runs), one row each',
);

/**
 * T13-APPRENTICESHIP: "全面推行现代学徒制、企业新型学徒制" — both schemes running. The value is the
 * smaller of the two counts, so it is ≥ 1 exactly when each scheme has a programme running.
 */
const apprenticeshipsUnderBothSchemes: MetricDefinition = {
  name: COOPERATION_METRICS.apprenticeshipsUnderBothSchemes,
  title: {
    zh: '现代学徒制和企业新型学徒制均在实施的项目数',
    en: 'Apprenticeships running under both schemes',
  },
  description: {
    zh: '期内实施中的学徒制项目（经学校和企业双方审批、期内处于培养期且未在期初前结业或终止）中，现代学徒制项目数与企业新型学徒制项目数的较小者：两种模式均至少有 1 个项目实施时为 1 及以上。按项目列示',
    en: 'Of the apprenticeships running in the period (approved by both the school and the enterprise, with their training period overlapping it, not completed or terminated before it began), the smaller of the number under modern apprenticeship and the number under the new enterprise apprenticeship: 1 or more once each scheme has a programme running. One row per programme',
  },
  unit: '个',
  async compute(ctx) {
    const schools = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const rows = await apprenticeshipsRunning(ctx.db, schools, ctx.period.startsOn, windowEnd(ctx));
    const modern = rows.filter((r) => r.scheme === 'modern').length;
    const enterprise = rows.length - modern;
    return {
      value: Math.min(modern, enterprise),
      drillDown: rows.map((r) => ({
        label: `【${APPRENTICESHIP_SCHEME_LABELS[r.scheme].zh}】${r.title}（${r.apprenticeCount} 人）`,
        value: 1,
        ref: { type: 'apprenticeship', id: r.id },
      })),
    };
  },
};

const staffTrained: MetricDefinition = {
  name: COOPERATION_METRICS.staffTrained,
  title: {
    zh: '协同创新中心和教学工厂培训企业职工人次',
    en: 'Enterprise staff trained in centres and teaching factories',
  },
  description: {
    zh: '期内开始的协同创新中心、教学工厂项目登记的培训企业职工人次之和，按项目列示',
    en: 'Enterprise staff trained, as recorded on the projects of innovation centres and teaching factories started in the period, one row per project',
  },
  unit: '人次',
  async compute(ctx) {
    const schools = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const rows = (await projectsStartedIn(ctx.db, schools, ctx.period.startsOn, windowEnd(ctx))).filter(
      (r) => r.staffTrained !== null,
    );
    return {
      value: rows.reduce((n, r) => n + (r.staffTrained ?? 0), 0),
      drillDown: rows.map((r) => ({
        label: `${r.centreName}：${r.title}`,
        value: r.staffTrained ?? 0,
        ref: { type: 'cooperation_centre_project', id: r.id },
      })),
    };
  },
};

export const COOPERATION_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  agreementsInForce,
  innovationCentresOperating,
  teachingFactoriesOperating,
  apprenticeshipsUnderBothSchemes,
  staffTrained,
];
