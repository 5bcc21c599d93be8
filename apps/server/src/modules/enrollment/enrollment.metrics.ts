import { sql } from 'kysely';
import type { MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { subtreeIds } from './enrollment.repository.ts';

/** The name a plan's `computed` indicator uses for 职普比 (plan files allow camelCase segments only). */
export const VOCATIONAL_SHARE_METRIC = 'enrollment.vocationalShare';

/**
 * 职普比 from actual enrolment: 中职 registered ÷ (中职 + 普高 registered), in percent, over the
 * programs of receiving schools in the asked unit's subtree, for the latest season with
 * registrations whose admission year is not after the period's end: a yearly number keeps its
 * value through the quarters until the next season's 报到 (so the dashboard of March shows last
 * autumn's intake, not 无数据). Registered means 报到 confirmed (`registered`), not merely
 * admitted. Drill-down: one row per school and one per program, each with its registered count.
 */
export const vocationalShare: MetricDefinition = {
  name: VOCATIONAL_SHARE_METRIC,
  title: {
    zh: '高中阶段教育职普比（中职报到人数占比）',
    en: 'Vocational share of upper-secondary enrolment (registered)',
  },
  unit: '%',
  async compute(ctx) {
    const units = await subtreeIds(ctx.db, ctx.orgUnitId);
    const to = Number(ctx.period.endsOn.slice(0, 4));
    const registered = () =>
      ctx.db
        .selectFrom('enrollmentRegistration as r')
        .innerJoin('enrollmentProgram as p', 'p.id', 'r.programId')
        .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
        .where('r.status', '=', 'registered')
        .where('p.schoolId', 'in', units)
        .where('s.admissionYear', '<=', to);
    const latest =
      units.length === 0
        ? null
        : ((
            await registered()
              .select((eb) => eb.fn.max('s.admissionYear').as('year'))
              .executeTakeFirst()
          )?.year ?? null);
    const rows =
      latest === null
        ? []
        : await registered()
            .innerJoin('orgUnit as o', 'o.id', 'p.schoolId')
            .select([
              'p.id',
              'p.code',
              'p.name',
              'p.track',
              'o.id as schoolId',
              'o.name as schoolName',
              sql<number>`count(*)::int`.as('n'),
            ])
            .where('s.admissionYear', '=', Number(latest))
            .groupBy(['p.id', 'p.code', 'p.name', 'p.track', 'o.id', 'o.name'])
            .orderBy('o.name')
            .orderBy('p.code')
            .execute();
    let vocational = 0;
    let all = 0;
    const schools = new Map<string, { label: string; value: number; vocational: number }>();
    for (const r of rows) {
      const n = Number(r.n);
      all += n;
      if (r.track === 'vocational') vocational += n;
      const s = schools.get(r.schoolId) ?? { label: r.schoolName, value: 0, vocational: 0 };
      s.value += n;
      if (r.track === 'vocational') s.vocational += n;
      schools.set(r.schoolId, s);
    }
    const trackLabel = (t: string) => (t === 'vocational' ? '中职' : '普高');
    return {
      value: all === 0 ? 0 : Math.round((vocational / all) * 1000) / 10,
      numerator: vocational,
      denominator: all,
      drillDown: [
        ...[...schools].map(([id, s]) => ({
          label: s.label,
          value: s.value,
          numerator: s.vocational,
          denominator: s.value,
          ref: { type: 'org_unit', id },
        })),
        ...rows.map((r) => ({
          label: `${r.schoolName} · ${r.name}（${trackLabel(r.track)}）`,
          value: Number(r.n),
          ref: { type: 'enrollment_program', id: r.id },
        })),
      ],
    };
  },
};

/** The enrolment module's metrics. */
export const ENROLLMENT_METRIC_DEFINITIONS: readonly MetricDefinition[] = [vocationalShare];
