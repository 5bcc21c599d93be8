import type { NationalStandard } from '@zhijiao/contracts';
import { addDays } from '../../platform/clock/clock.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DemoContext, DemoSummary, ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { ProgramsModule } from './index.ts';
import { demoCalendar, planMonth, type When } from './programs.demo-calendar.ts';
import {
  DEMO_COURSES,
  DEMO_COURSE_PARTNERS,
  DEMO_LICENCES,
  DEMO_MAJORS,
  DEMO_RESOURCE_PLAN,
  DEMO_RESOURCE_TYPES,
  DEMO_TOPICS,
  type DemoSchool,
} from './programs.demo-data.ts';
import { DEMO_PROJECTS } from './programs.demo-projects.ts';
import { tinyPdf } from './tiny-pdf.ts';

/** The module's demo (`demo` of its definition): the two vocational schools' programs. */
export async function programsDemo(ctx: DemoContext<ProgramsModule>): Promise<DemoSummary> {
  const { projects, resources } = await loadProgramsDemo(ctx);
  return {
    zh: `${projects} 个建设项目，${resources} 项教学资源`,
    en: `${projects} projects, ${resources} teaching resources`,
  };
}

/** What the loaders share: the calendar, the module on a day, the accounts. */
interface Loader {
  ctx: DemoContext<ProgramsModule>;
  /** The date of `when` (`DemoCalendar.day`). */
  day(when: When): string | null;
  /** The module's services and the file store on the day of `when`; null if it has not come yet. */
  on(when: When): { date: string; programs: ProgramsModule; files: ModuleDeps['files'] } | null;
  coordinator: Actor;
  clerks: Record<DemoSchool, Actor>;
  schoolIds: Record<DemoSchool, string>;
}

/**
 * Loads the programs of 上党区's two vocational schools through the service use cases, on the
 * days things happened. The plan's work falls in the plan's years (`ctx.planYears`, else the three
 * years before today's): nine majors registered, the national standards adopted, textbooks chosen
 * each autumn, recognised projects applied for, approved, checked at mid-term and accepted (some
 * finished after the plan ended: see programs.demo-projects.ts), teaching resources shared; then
 * today's open work: applications under review, mid-term checks due, resources waiting for review.
 * Each school's records are kept by its clerk (`vhs`, `vec`); the district's `coordinator` reviews.
 * Deterministic: the same `today` and plan years give the same records, none after today.
 */
export async function loadProgramsDemo(ctx: DemoContext<ProgramsModule>) {
  const calendar = demoCalendar(ctx.today, ctx.planYears);
  const loader: Loader = {
    ctx,
    day: (when) => calendar.day(when),
    on(when) {
      const date = calendar.day(when);
      return date === null ? null : { date, programs: ctx.at(date), files: ctx.depsAt(date).files };
    },
    coordinator: await ctx.actor('coordinator'),
    clerks: { 'SD-VHS': await ctx.actor('vhs'), 'SD-VEC': await ctx.actor('vec') },
    schoolIds: { 'SD-VHS': await ctx.unitId('SD-VHS'), 'SD-VEC': await ctx.unitId('SD-VEC') },
  };
  const { majorIds, courseIds } = await loadMajors(loader);
  await loadProjects(loader, majorIds, courseIds);
  const resources = await loadResources(loader, courseIds);
  return { majors: majorIds.size, courses: courseIds.size, projects: DEMO_PROJECTS.length, resources };
}

const must = <T>(day: T | null, what: string): T => {
  if (day === null) throw new Error(`The programs demo's ${what} falls after today`);
  return day;
};

/**
 * Nine majors registered at the start of the plan's first spring term with their courses; the
 * teaching and curriculum standards adopted that autumn, the internship and training-facility ones
 * in the second year for the brand majors and in the third for the rest; textbooks chosen each
 * autumn; three years' enrolment up to this school year, recorded this summer.
 */
async function loadMajors({ ctx, day, on, clerks, schoolIds }: Loader) {
  const registered = must(on({ plan: '2020-03-02' }), 'majors');
  const enrolled = { date: addDays(ctx.today, -150), programs: ctx.at(addDays(ctx.today, -150)) };
  const year = Number(enrolled.date.slice(0, 4));
  const majorIds = new Map<string, string>();
  const courseIds = new Map<string, string>();
  for (const m of DEMO_MAJORS) {
    const clerk = clerks[m.school];
    const major = await registered.programs.majors.createMajor(clerk, {
      schoolId: schoolIds[m.school],
      catalogueVersion: '2021',
      catalogueCode: m.code,
      direction: m.direction,
      status: 'active',
      establishedYear: m.since,
    });
    majorIds.set(m.key, major.id);
    for (const [, name, hours] of DEMO_COURSES.filter((c) => c[0] === m.key)) {
      const partner = DEMO_COURSE_PARTNERS[name];
      const course = await registered.programs.courses.createCourse(clerk, {
        schoolId: schoolIds[m.school],
        majorId: major.id,
        code: '',
        name,
        category: 'professional',
        hours,
        partnerEnterprises: partner
          ? [{ enterpriseId: await ctx.unitId(partner[0]), sinceYear: partner[1] }]
          : [],
      });
      courseIds.set(name, course.id);
    }
    const brand = DEMO_PROJECTS.some((p) => p.kind === 'brand_major' && p.major === m.key);
    const full = brand ? 2021 : 2022;
    const standards = (adopted: Array<[NationalStandard, string, string]>) =>
      adopted.map(([standard, adoptedOn, note]) => ({
        standard,
        adoptedOn: must(day({ plan: adoptedOn }), 'standards'),
        note,
      }));
    const basic = standards([
      ['teaching', '2020-09-01', '按教育部专业教学标准修订人才培养方案'],
      ['curriculum', '2020-09-01', ''],
    ]);
    await must(on({ plan: '2020-09-01' }), 'standards').programs.majors.setStandards(clerk, major.id, basic);
    await must(on({ plan: `${full}-09-01` }), 'standards').programs.majors.setStandards(clerk, major.id, [
      ...basic,
      ...standards([
        ['internship', `${full}-03-01`, '岗位实习标准纳入实习管理办法'],
        ['training_facility', `${full}-09-01`, '实训基地按标准改造'],
      ]),
    ]);
    for (const [i, intake] of m.intake.entries()) {
      const count = m.intake.slice(0, i + 1).reduce((a, b) => a + b, 0) - i * 3;
      await enrolled.programs.majors.recordEnrolment(clerk, major.id, {
        year: year - 2 + i,
        intake,
        enrolled: count,
      });
    }
  }
  for (const [majorKey, name, , books] of DEMO_COURSES) {
    const clerk = clerks[DEMO_MAJORS.find((m) => m.key === majorKey)!.school];
    for (const [title, planned, type, chosen] of books) {
      await must(on({ plan: `${chosen}-08-25` }), 'textbooks').programs.courses.addTextbook(
        clerk,
        courseIds.get(name)!,
        {
          title,
          isbn: '',
          publisher: planned ? '高等教育出版社' : '校本教材',
          nationalPlanned: planned,
          textbookType: type,
          hasDigitalResources: type !== 'traditional' || planned,
          digitalResources: planned ? '配套微课视频与在线题库' : '',
        },
      );
    }
  }
  return { majorIds, courseIds };
}

/** The recognised projects, each step on its day, up to the last that has happened. */
async function loadProjects(
  { on, coordinator, clerks, schoolIds }: Loader,
  majorIds: Map<string, string>,
  courseIds: Map<string, string>,
) {
  const batchFiles = new Map<string, string>();
  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const clerk = clerks[p.school];
    const [applied, scored, decided, midterm, accepted] = p.steps.map(on);
    if (!applied) continue;
    const key = p.batch && `${p.batch}:${p.school}`;
    let fileId = key ? batchFiles.get(key) : undefined;
    if (!fileId) {
      const file = await applied.files.storeUpload(clerk, {
        buffer: tinyPdf(['Zhijiao demo: project application', key ?? `Project ${i + 1}`, `Kind: ${p.kind}`]),
        filename: p.batch ? `申报汇总表-${p.batch}.pdf` : `申报书-${i + 1}.pdf`,
      });
      fileId = file.id;
      if (key) batchFiles.set(key, fileId);
    }
    const created = await applied.programs.projects.createProject(clerk, {
      schoolId: schoolIds[p.school],
      kind: p.kind,
      title: p.title,
      summary: `${p.title}：建设目标、建设内容、保障措施与预期成果。`,
      majorId: p.major ? majorIds.get(p.major) : null,
      courseId: p.course ? courseIds.get(p.course) : null,
      teacherName: p.teacher ?? '',
      fileIds: [fileId],
      submit: true,
    });
    if (!scored) continue;
    const opinion = '申报材料齐全，建设目标明确，建设基础较好。';
    await scored.programs.projects.scoreProject(coordinator, created.id, { score: p.score, opinion });
    if (!decided) continue;
    if (p.rejected) {
      await decided.programs.projects.rejectProject(coordinator, created.id, {
        reason: '评审得分未达到立项分数线。',
      });
      continue;
    }
    await decided.programs.projects.approveProject(coordinator, created.id, {
      level: p.level,
      note: `上党教发〔${decided.date.slice(0, 4)}〕${10 + i}号`,
    });
    if (!midterm) continue;
    await midterm.programs.projects.recordStep(coordinator, created.id, 'midterm', {
      passed: true,
      opinion: '建设任务按计划推进，经费使用规范。',
      fileIds: [],
    });
    if (!accepted) continue;
    await accepted.programs.projects.recordStep(coordinator, created.id, 'acceptance', {
      passed: true,
      opinion: '建设任务全部完成，成果显著，同意验收。',
      fileIds: [],
    });
  }
}

/**
 * Teaching resources with small PDF files, each major's made one every two months of the plan's
 * years from its `since`, most shared district-wide after review; today one per major waits for
 * review and one was sent back.
 */
async function loadResources({ on, coordinator, clerks, schoolIds }: Loader, courseIds: Map<string, string>) {
  let resources = 0;
  for (const m of DEMO_MAJORS) {
    const plan = DEMO_RESOURCE_PLAN[m.key]!;
    const topics = DEMO_TOPICS[m.key]!;
    const courses = DEMO_COURSES.filter((c) => c[0] === m.key).map((c) => c[1]);
    for (let i = 0; i < plan.count; i++) {
      const n = ++resources;
      const shared = i < plan.shared;
      const pending = i === plan.shared;
      const refused = i === plan.shared + 1 && m.key === 'ecom';
      const made = pending
        ? { ago: 4 + (n % 5) * 3 }
        : refused
          ? { ago: 64 }
          : planMonth(plan.since + 2 * i, 10);
      const s = must(on(made), 'resources');
      const clerk = clerks[m.school];
      const type = DEMO_RESOURCE_TYPES[n % DEMO_RESOURCE_TYPES.length]!;
      const topic = topics[i % topics.length]!;
      const course = courses[i % courses.length]!;
      const file = await s.files.storeUpload(clerk, {
        buffer: tinyPdf(['Zhijiao demo teaching resource', `Resource ${n}`, `Major code ${m.code}`]),
        filename: `${topic}.pdf`,
      });
      const r = await s.programs.resources.createResource(clerk, {
        schoolId: schoolIds[m.school],
        title: `${topic}${i >= topics.length ? `（${Math.floor(i / topics.length) + 1}）` : ''}`,
        description: `${course}课程教学资源：${topic}，适用于中职二年级理实一体化教学，含操作要点与评价标准。`,
        resourceType: type,
        licence: shared || pending || refused ? DEMO_LICENCES[n % DEMO_LICENCES.length]! : 'school_only',
        courseId: courseIds.get(course)!,
        fileId: file.id,
        requestSharing: shared || pending || refused,
      });
      if (!shared && !refused) continue;
      const reviewed = refused ? { ago: 60 } : planMonth(plan.since + 2 * i, 14);
      await must(on(reviewed), 'resources').programs.resources.reviewSharing(coordinator, r.id, {
        share: shared,
        reason: refused ? '资源内容与课程标准不一致，请修改后重新申请。' : '',
      });
    }
  }
  return resources;
}
