import type { DqLevel, EducationLevel, ProfessionalTitle } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { unitsByCodes } from '../org/index.ts';
import { evaluateCriteria, type CriteriaCheck } from './criteria.rules.ts';
import { addDays, addYears } from './date-math.ts';
import { insertApplication, insertApplicationEvents, insertRecognition } from './dq.repository.ts';
import type { TeachersModule } from './index.ts';
import { birthColumns, identityColumns, phoneColumns } from './teacher-columns.ts';
import type { TeacherParts } from './teacher-input.ts';
import { writeParts } from './teacher-parts.repository.ts';
import { DEFAULT_DQ_CRITERIA } from './teachers.config.ts';
import { EMPLOYERS, GIVEN, MAJORS, residentId, roleOf, SURNAMES, type Role } from './teachers.demo-data.ts';
import { demoHireDate, demoRecognitions, hireExceptionDate } from './teachers.demo-history.ts';
import { anyTeacherOf, insertTeacher } from './teachers.repository.ts';

/** The module's demo (`demo` of its definition): the two vocational schools' registers. */
export async function teachersDemo(ctx: DemoContext<TeachersModule>): Promise<DemoSummary> {
  const { teachers } = await loadTeacherDemo(ctx);
  return { zh: `${teachers} 名教师`, en: `${teachers} teachers` };
}

/**
 * Loads a deterministic demo register into SD-VHS (34 teachers) and SD-VEC (26): full-time and
 * enterprise part-time teachers with majors, 专业课 periods (one who stopped, a few general-course
 * teachers), enterprise work, certificates and practice hours; 双师型 recognitions (most valid,
 * some expiring within 90 days of `today`, some expired and not renewed); applications waiting at
 * the school, passed to the district and returned; this year's hires, two of which break the
 * recruitment rule. With the plan's past years (`ctx.planYears`) the register has a history in
 * them (teachers.demo-history.ts): recognitions since before the plan, renewed, and first ones in
 * each year, so the 双师型 share grows from about 45 % (end of 2020) to 62 % (end of 2022); hires of
 * 2020–2022 that meet the rule but one, accepted as an exception by the district in 2022. Written
 * in one transaction of the module (its commit tells the plan), then the exception through its use
 * case on its day. Idempotent: does nothing if either school already has teachers.
 *
 * @example await loadTeacherDemo(ctx) // { teachers: 60, recognitions: 70, applications: 6 } (plan years 2020–2022)
 */
export async function loadTeacherDemo(
  ctx: DemoContext<TeachersModule>,
): Promise<{ teachers: number; recognitions: number; applications: number }> {
  const { today, planYears } = ctx;
  const { db, crypto, transaction } = ctx.depsAt(today);
  const units = await unitsByCodes(db, ['SD-VHS', 'SD-VEC', 'SD']);
  const schools = [units.get('SD-VHS'), units.get('SD-VEC')].filter((s) => s !== undefined);
  const district = units.get('SD');
  if (schools.length === 0 || !district) return { teachers: 0, recognitions: 0, applications: 0 };
  if (
    await anyTeacherOf(
      db,
      schools.map((s) => s.id),
    )
  )
    return { teachers: 0, recognitions: 0, applications: 0 };
  const rnd = seededRandom(20210520);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const counts = { teachers: 0, recognitions: 0, applications: 0 };
  const now = new Date(`${today}T02:00:00Z`);
  const exceptions: Array<{ teacherId: string; on: string }> = [];
  await transaction(async (trx) => {
    for (const [code, size] of [
      ['SD-VHS', 34],
      ['SD-VEC', 26],
    ] as const) {
      const school = schools.find((s) => s.code === code)!;
      for (let n = 1; n <= size; n++) {
        const role = roleOf(code, n);
        const slot = { school: code, n, role, today, planYears };
        const partTime = role === 'plain' && n % 7 === 0;
        const hire = role.startsWith('hire_')
          ? demoHireDate(slot)
          : `${2004 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 8)}-01`;
        const birth = `${Number(hire.slice(0, 4)) - 23 - Math.floor(rnd() * 8)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
        const male = rnd() < 0.55;
        const id = residentId(birth, counts.teachers + 17, male);
        const phone = `13${5 + Math.floor(rnd() * 5)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
        const education: EducationLevel =
          role === 'hire_degree' || role === 'hire_both'
            ? 'secondary_vocational'
            : pick(['vocational_college', 'bachelor', 'bachelor', 'master'] as const);
        const title: ProfessionalTitle =
          hire < '2012'
            ? pick(['intermediate', 'associate_senior'] as const)
            : hire < '2019'
              ? pick(['junior', 'intermediate'] as const)
              : 'none';
        const years =
          role === 'hire_short' || role === 'hire_both'
            ? 1
            : role === 'hire_ok' || role === 'hire_degree'
              ? 4
              : Math.floor(rnd() * 6);
        const [employer, industry] = pick(EMPLOYERS);
        const parts: TeacherParts = {
          majors: role === 'general' ? [] : [pick(MAJORS[code]!)],
          specialisedPeriods:
            role === 'general'
              ? []
              : role === 'stopped'
                ? [{ startsOn: hire, endsOn: '2021-07-31' }]
                : [{ startsOn: hire, endsOn: null }],
          workHistory:
            years > 0 || partTime
              ? [
                  {
                    employer,
                    industry,
                    job: '技术员',
                    startsOn: addYears(hire, -Math.max(years, 1)),
                    endsOn: partTime ? null : addDays(hire, -1),
                  },
                ]
              : [],
          // Nothing dated after today: a recent hire's certificate (two years on) is not there yet.
          certificates:
            rnd() < 0.6 && addYears(hire, 2) <= today
              ? [
                  {
                    kind: 'vocational_qualification',
                    name: industry === '装备制造' ? '焊工' : '相关职业',
                    level: pick(['intermediate', 'senior', 'technician'] as const),
                    issuer: '山西省人力资源和社会保障厅',
                    certificateNo: '',
                    issuedOn: addYears(hire, 2),
                  },
                ]
              : [],
          practice: [2019, 2020, 2021, 2022, 2023, 2024, 2025]
            .filter((y) => rnd() < 0.7 && `${y}` > hire.slice(0, 4) && `${y}` < today.slice(0, 4))
            .map((year) => ({ year, hours: 80 + Math.floor(rnd() * 30) * 10, enterprise: employer })),
        };
        const teacherId = await insertTeacher(trx, {
          schoolId: school.id,
          districtId: district.id,
          name: `${pick([...SURNAMES])}${pick(GIVEN)}`,
          ...identityColumns(crypto, id),
          sex: male ? 'M' : 'F',
          ...birthColumns(crypto, birth),
          ...phoneColumns(crypto, phone),
          education,
          professionalTitle: title,
          post: role === 'general' ? '公共基础课教师' : n % 9 === 0 ? '实习指导教师' : '专业课教师',
          series: partTime ? 'enterprise_part_time' : 'full_time',
          internshipInstructor: n % 9 === 0,
          hireDate: hire,
          leaveDate: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        });
        await writeParts(trx, teacherId, parts);
        counts.teachers++;
        // Drawn for every teacher, so that no later draw depends on who is recognised.
        const anchor = addDays(today, 200 + Math.floor(rnd() * 1200));
        const dqLevel = pick(DQ_LEVELS);
        for (const { validFrom, validUntil } of demoRecognitions({ ...slot, hire, anchor })) {
          await insertRecognition(trx, {
            teacherId,
            applicationId: null,
            level: dqLevel,
            certifyingBody: '长治市上党区教育局',
            recognisedOn: validFrom,
            validFrom,
            validUntil,
            certificateNo: '',
            recordedBy: null,
            recordedAt: now,
          });
          counts.recognitions++;
        }
        const exceptionOn = hireExceptionDate(slot);
        if (exceptionOn) exceptions.push({ teacherId, on: exceptionOn });
        const state = APPLICATION_STATE_OF[role];
        if (state) {
          const level: DqLevel = title === 'none' ? 'junior' : 'intermediate';
          const facts = { hireDate: hire, professionalTitle: title, ...parts, recognitions: [] };
          const submittedAt = new Date(now.getTime() - (n + 2) * 86_400_000);
          await insertDemoApplication(trx, {
            teacherId,
            schoolId: school.id,
            districtId: district.id,
            level,
            state,
            criteria: evaluateCriteria(facts, level, DEFAULT_DQ_CRITERIA, today).checks,
            submittedAt,
          });
          counts.applications++;
        }
      }
    }
  });
  // The district's decision on a plan-year hire that broke the rule, taken through its use case on that day.
  for (const { teacherId, on } of exceptions)
    await ctx.at(on).hires.grantException(await ctx.actor('coordinator'), teacherId, HIRE_EXCEPTION_REASON);
  return counts;
}

/** Levels a demo teacher is recognised at (中级 twice as often). */
const DQ_LEVELS = ['junior', 'intermediate', 'intermediate', 'senior'] as const;

/** Why the district accepted the demo's plan-year hire without the degree the rule asks for. */
const HIRE_EXCEPTION_REASON =
  '企业一线技术骨干，专业紧缺急需；经区教育局研究同意按特殊技能人才招聘，学历要求放宽。';

/** The demo roles with an open application, and the state it waits in. */
const APPLICATION_STATE_OF: Partial<Record<Role, 'submitted' | 'school_passed' | 'returned'>> = {
  pending: 'submitted',
  passed: 'school_passed',
  returned: 'returned',
};

/** An application as if the school had applied (and passed or returned it) before the demo's today. */
async function insertDemoApplication(
  trx: Executor,
  a: {
    teacherId: string;
    schoolId: string;
    districtId: string;
    level: DqLevel;
    state: 'submitted' | 'school_passed' | 'returned';
    criteria: CriteriaCheck[];
    submittedAt: Date;
  },
) {
  const returned = a.state === 'returned' ? '请补充企业实践证明材料' : null;
  const applicationId = await insertApplication(trx, {
    ...a,
    statement: '近年参加企业实践，取得相应职业资格证书，申请认定。',
    evidenceFileIds: [],
    criteria: JSON.stringify(a.criteria),
    submittedBy: null,
    schoolReviewedAt: a.state === 'submitted' ? null : a.submittedAt,
    schoolComment: returned,
    updatedAt: a.submittedAt,
  });
  const at = a.submittedAt;
  await insertApplicationEvents(trx, [
    { applicationId, at, action: 'submitted', comment: null },
    ...(a.state === 'submitted' ? [] : [{ applicationId, at, action: a.state, comment: returned }]),
  ]);
}
