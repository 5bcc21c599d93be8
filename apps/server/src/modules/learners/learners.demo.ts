import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import type { EnrollmentModule } from '../enrollment/index.ts';
import type { LearnersModule } from './index.ts';

type Ctx = DemoContext<LearnersModule>;

/** The vocational schools' demo clerks: each keeps its own register. */
const SCHOOL_CLERKS = ['vhs', 'vec'] as const;

/** The day a school puts the autumn's 报到 on its register (开学 in early September). */
const cohortDay = (year: number) => `${year}-09-05`;

/**
 * A cohort's three years (三年制中职) as a school records them: one student suspended in the first
 * spring for illness and back in the autumn, one who moves away in the first term, one who leaves in
 * the second year, and the rest graduating on 1 July of the third year — each change only once its
 * day has come.
 */
const COHORT_EVENTS = [
  { nth: 0, status: 'suspended', at: (y: number) => `${y + 1}-03-02`, reason: '因病休学，医院证明在档' },
  { nth: 0, status: 'enrolled', at: (y: number) => `${y + 1}-09-01`, reason: '病愈复学' },
  { nth: 1, status: 'transferred', at: (y: number) => `${y}-11-10`, reason: '随父母迁居，转入外市学校' },
  { nth: 2, status: 'withdrawn', at: (y: number) => `${y + 1}-12-15`, reason: '本人申请退学，监护人同意' },
] as const;

/** A graduation day, on which every student still 在籍 of a cohort graduates. */
const graduationDay = (year: number) => `${year + 3}-07-01`;

/**
 * The register of the demo's vocational schools: each puts every past season's 报到 on its register
 * (the closed seasons') through the use case, in the autumn it happened, then records the cohort's years (a suspension and
 * return, a transfer, a withdrawal, graduation in the third summer). This year's 报到 is left for the
 * schools to put on the register themselves (学籍管理 → 从报到名单生成学籍): the open work of now.
 */
export async function learnersDemo(ctx: Ctx): Promise<DemoSummary> {
  const coordinator = await ctx.actor('coordinator');
  const seasons = await ctx.peer<EnrollmentModule>('enrollment').setup.listSeasons(coordinator);
  // A closed season's 报到 is final; the open one (this year's) is the schools' to put on the register.
  const past = seasons.filter((s) => s.state === 'closed').sort((a, b) => a.admissionYear - b.admissionYear);
  const employers = [await ctx.unitId('SD-YITONG'), await ctx.unitId('SD-ZHENDONG')];
  let created = 0;
  let graduated = 0;
  let placed = 0;
  for (const username of SCHOOL_CLERKS) {
    const clerk = await ctx.actor(username);
    for (const season of past) {
      const year = season.admissionYear;
      const made = await ctx
        .at(cohortDay(year))
        .register.createCohortFromEnrollment(clerk, { schoolId: clerk.orgUnitId, seasonId: season.id });
      created += made.created;
      const graduates = await cohortYears(ctx, clerk, year);
      placed += await destinations(ctx, clerk, graduates, employers);
      graduated += graduates.length;
    }
  }
  return {
    zh: `${created} 名学生的学籍（${graduated} 名已毕业，${placed} 名已登记毕业去向）`,
    en: `${created} students on the register (${graduated} graduated, ${placed} with a destination)`,
  };
}

/** Records a cohort's status changes on their days (those before today); answers its graduates. */
async function cohortYears(ctx: Ctx, clerk: Actor, year: number) {
  const cohortOf = async (day: string, status?: 'enrolled') =>
    (
      await ctx
        .at(day)
        .register.listLearners(clerk, { schoolId: clerk.orgUnitId, cohortYear: year, status, limit: 500 })
    ).items.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const cohort = await cohortOf(cohortDay(year));
  const events = COHORT_EVENTS.map((e) => ({ ...e, day: e.at(year) })).sort((a, b) =>
    a.day.localeCompare(b.day),
  );
  for (const event of events) {
    const learner = cohort[event.nth];
    if (!learner || event.day >= ctx.today) continue;
    await ctx.at(event.day).register.changeLearnerStatus(clerk, learner.id, {
      status: event.status,
      date: event.day,
      reason: event.reason,
    });
  }
  const day = graduationDay(year);
  if (day >= ctx.today) return [];
  const graduates = await cohortOf(day, 'enrolled');
  for (const learner of graduates)
    await ctx.at(day).register.changeLearnerStatus(clerk, learner.id, {
      status: 'graduated',
      date: day,
      reason: '修完规定课程，成绩合格，准予毕业',
    });
  return graduates.map((g) => ({ id: g.id, graduatedOn: day }));
}

/**
 * Where each graduate went, recorded by the school in mid-September after graduation: of every ten, five
 * employed (most at 易通集团 or 振东集团 in the district, in their trade), two on to further study
 * (中高职衔接 or 职教高考), one enlisted, one self-employed, one still seeking work.
 */
async function destinations(
  ctx: Ctx,
  clerk: Actor,
  graduates: ReadonlyArray<{ id: string; graduatedOn: string }>,
  employers: readonly string[],
): Promise<number> {
  let recorded = 0;
  for (const [i, g] of graduates.entries()) {
    const day = addDays(g.graduatedOn, 75);
    if (day >= ctx.today) continue;
    const settledOn = addDays(g.graduatedOn, 14);
    const year = g.graduatedOn.slice(0, 4);
    const slot = i % 10;
    const body =
      slot < 5
        ? {
            kind: 'employed' as const,
            settledOn,
            employerUnitId: employers[slot % employers.length]!,
            relevantToMajor: slot !== 4,
            monthlyPay: 2800 + 300 * slot,
            region: slot === 3 ? ('province' as const) : ('district' as const),
          }
        : slot < 7
          ? {
              kind: 'further_study' as const,
              settledOn: `${year}-09-01`,
              institutionName: '长治职业技术学院',
              studyLevel: 'higher_vocational' as const,
              studyRoute: slot === 5 ? ('articulation' as const) : ('vocational_exam' as const),
            }
          : slot === 7
            ? { kind: 'enlisted' as const, settledOn: `${year}-09-10` }
            : slot === 8
              ? {
                  kind: 'self_employed' as const,
                  settledOn,
                  employerName: '个体汽车维修店',
                  relevantToMajor: true,
                  region: 'district' as const,
                }
              : { kind: 'seeking' as const };
    await ctx.at(day).destinations.recordDestination(clerk, g.id, body);
    recorded += 1;
  }
  return recorded;
}
