import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import type { ProgramsModule } from './index.ts';
import {
  DEMO_COURSES,
  DEMO_LICENCES,
  DEMO_MAJORS,
  DEMO_PROJECTS,
  DEMO_RESOURCE_PLAN,
  DEMO_RESOURCE_TYPES,
  DEMO_TOPICS,
} from './programs.demo-data.ts';
import { tinyPdf } from './tiny-pdf.ts';

/** The module's demo (`demo` of its definition): the two vocational schools' programs. */
export async function programsDemo(ctx: DemoContext<ProgramsModule>): Promise<DemoSummary> {
  const { projects, resources } = await loadProgramsDemo(ctx);
  return {
    zh: `${projects} 个建设项目，${resources} 项教学资源`,
    en: `${projects} projects, ${resources} teaching resources`,
  };
}

/**
 * Loads the programs of 上党区's two vocational schools through the service use cases, on the
 * days things happened: nine majors (with enrolment of three years and the national standards
 * applied), their courses and textbooks, 23 recognised projects in every state (the brand majors
 * 焊接 and 机电一体化 accepted, 美容美发 past its mid-term, 电子商务 approved, 康复技术 under
 * review …), and 50 teaching resources with small PDF files, most shared district-wide. Each
 * school's records are kept by its clerk (`vhs`, `vec`); the district's `coordinator` reviews.
 * Deterministic: the same `today` gives the same records.
 */
export async function loadProgramsDemo(ctx: DemoContext<ProgramsModule>) {
  const { today } = ctx;
  const coordinator = await ctx.actor('coordinator');
  const clerks = { 'SD-VHS': await ctx.actor('vhs'), 'SD-VEC': await ctx.actor('vec') };
  const schoolIds = { 'SD-VHS': await ctx.unitId('SD-VHS'), 'SD-VEC': await ctx.unitId('SD-VEC') };
  /** The module's services and the file store on `offset` days from today. */
  const on = (offset: number) => {
    const date = addDays(today, offset);
    return { programs: ctx.at(date), files: ctx.depsAt(date).files };
  };
  const year = Number(addDays(today, -150).slice(0, 4));

  const majorIds = new Map<string, string>();
  const courseIds = new Map<string, string>();
  for (const m of DEMO_MAJORS) {
    const s = on(-500).programs;
    const clerk = clerks[m.school];
    const major = await s.majors.createMajor(clerk, {
      schoolId: schoolIds[m.school],
      catalogueVersion: '2021',
      catalogueCode: m.code,
      direction: m.direction,
      status: 'active',
      establishedYear: m.since,
    });
    majorIds.set(m.key, major.id);
    for (const [i, intake] of m.intake.entries()) {
      const enrolled = m.intake.slice(0, i + 1).reduce((a, b) => a + b, 0) - i * 3;
      await s.majors.recordEnrolment(clerk, major.id, { year: year - 2 + i, intake, enrolled });
    }
    const brand = DEMO_PROJECTS.some((p) => p.kind === 'brand_major' && p.major === m.key);
    await s.majors.setStandards(clerk, major.id, [
      { standard: 'teaching', adoptedOn: `${year - 2}-09-01`, note: '按教育部专业教学标准修订人才培养方案' },
      { standard: 'curriculum', adoptedOn: `${year - 2}-09-01`, note: '' },
      ...(brand
        ? [
            {
              standard: 'internship' as const,
              adoptedOn: `${year - 1}-03-01`,
              note: '岗位实习标准纳入实习管理办法',
            },
            {
              standard: 'training_facility' as const,
              adoptedOn: `${year - 1}-09-01`,
              note: '实训基地按标准改造',
            },
          ]
        : []),
    ]);
    for (const [, name, hours, book, planned, type] of DEMO_COURSES.filter((c) => c[0] === m.key)) {
      const course = await s.courses.createCourse(clerk, {
        schoolId: schoolIds[m.school],
        majorId: major.id,
        code: '',
        name,
        category: 'professional',
        hours,
      });
      courseIds.set(name, course.id);
      await s.courses.addTextbook(clerk, course.id, {
        title: book,
        isbn: '',
        publisher: planned ? '高等教育出版社' : '校本教材',
        nationalPlanned: planned,
        textbookType: type,
        hasDigitalResources: type !== 'traditional' || planned,
        digitalResources: planned ? '配套微课视频与在线题库' : '',
      });
    }
  }

  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const clerk = clerks[p.school];
    const start = -430 + i;
    const file = await on(start).files.storeUpload(clerk, {
      buffer: tinyPdf(['Zhijiao demo: project application', `Project ${i + 1}`, `Kind: ${p.kind}`]),
      filename: `申报书-${i + 1}.pdf`,
    });
    const created = await on(start).programs.projects.createProject(clerk, {
      schoolId: schoolIds[p.school],
      kind: p.kind,
      title: p.title,
      summary: `${p.title}：建设目标、建设内容、保障措施与预期成果。`,
      majorId: p.major ? majorIds.get(p.major) : null,
      courseId: p.course ? courseIds.get(p.course) : null,
      teacherName: p.teacher ?? '',
      fileIds: [file.id],
      submit: true,
    });
    if (p.reach === 'applied') continue;
    const opinion = '申报材料齐全，建设目标明确，建设基础较好。';
    await on(start + 20).programs.projects.scoreProject(coordinator, created.id, { score: p.score, opinion });
    if (p.reach === 'reviewing') continue;
    if (p.reach === 'rejected') {
      await on(start + 40).programs.projects.rejectProject(coordinator, created.id, {
        reason: '评审得分未达到立项分数线。',
      });
      continue;
    }
    await on(start + 40).programs.projects.approveProject(coordinator, created.id, {
      level: p.level,
      note: `上党教发〔${year - 1}〕${10 + i}号`,
    });
    if (p.reach === 'approved') continue;
    await on(start + 230).programs.projects.recordStep(coordinator, created.id, 'midterm', {
      passed: true,
      opinion: '建设任务按计划推进，经费使用规范。',
      fileIds: [],
    });
    if (p.reach === 'midterm_passed') continue;
    await on(start + 400).programs.projects.recordStep(coordinator, created.id, 'acceptance', {
      passed: true,
      opinion: '建设任务全部完成，成果显著，同意验收。',
      fileIds: [],
    });
  }

  let resources = 0;
  for (const m of DEMO_MAJORS) {
    const plan = DEMO_RESOURCE_PLAN[m.key]!;
    const topics = DEMO_TOPICS[m.key]!;
    for (let i = 0; i < plan.count; i++) {
      const n = ++resources;
      const type = DEMO_RESOURCE_TYPES[n % DEMO_RESOURCE_TYPES.length]!;
      const topic = topics[i % topics.length]!;
      const clerk = clerks[m.school];
      const offset = -300 + n * 5;
      const s = on(offset);
      const file = await s.files.storeUpload(clerk, {
        buffer: tinyPdf(['Zhijiao demo teaching resource', `Resource ${n}`, `Major code ${m.code}`]),
        filename: `${topic}.pdf`,
      });
      const shared = i < plan.shared;
      const pending = i === plan.shared;
      const refused = i === plan.shared + 1 && m.key === 'ecom';
      const courses = DEMO_COURSES.filter((c) => c[0] === m.key).map((c) => c[1]);
      const course = courses[i % courses.length]!;
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
      if (shared || refused)
        await on(offset + 2).programs.resources.reviewSharing(coordinator, r.id, {
          share: shared,
          reason: refused ? '资源内容与课程标准不一致，请修改后重新申请。' : '',
        });
    }
  }
  return { majors: majorIds.size, courses: courseIds.size, projects: DEMO_PROJECTS.length, resources };
}
