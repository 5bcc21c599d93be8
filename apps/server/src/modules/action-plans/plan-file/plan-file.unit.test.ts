import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHANGDANG_VERSION, shangdangPlanText } from '../../../test/shangdang-plan.ts';
import { createUnitResolver, parseOrgUnitsFile } from './org-units-file.parse.ts';
import { parsePlanFile } from './plan-file.parse.ts';
import type { PlanDefinition } from './plan-file.types.ts';

const planText = shangdangPlanText();
const unitsText = readFileSync(
  new URL('../../../../../../plans/shangdang/org-units.yaml', import.meta.url),
  'utf8',
);

function shangdangPlan() {
  const units = parseOrgUnitsFile(unitsText);
  if (!units.ok) throw new Error(JSON.stringify(units.errors));
  return parsePlanFile(planText, createUnitResolver(units.units));
}

function loadedPlan(): PlanDefinition {
  const result = shangdangPlan();
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.plan;
}

const tasksOf = (plan: PlanDefinition) => plan.sections.flatMap((section) => section.tasks);

describe('the Shangdang action plan file', () => {
  it('parses with exactly one warning: 区财政厅 in task （十二）, resolved to 区财政局', () => {
    const result = shangdangPlan();
    expect(result.ok).toBe(true);
    const line = planText.split('\n').findIndex((l) => l.includes('units:') && l.includes('区财政厅')) + 1;
    expect(result.warnings).toEqual([
      {
        line,
        path: 'sections[3].tasks[0].units[2]',
        code: 'PLAN_FILE_UNIT_ALIAS',
        message: '“区财政厅”不是已登记的单位名称，已按别名解析为“区财政局”',
        messageEn: "'区财政厅' is not a registered unit name; resolved by alias to '区财政局'",
      },
    ]);
    const task12 = tasksOf(loadedPlan()).find((task) => task.number === 12);
    expect(task12?.units[2]).toEqual({
      name: '区财政局',
      code: 'SD-FIN',
      via: '区财政厅',
      role: 'cooperating',
    });
  });

  it('has 21 tasks numbered （一） to （二十一） in 6 sections', () => {
    const plan = loadedPlan();
    expect(plan).toMatchObject({
      code: 'shangdang-vet-2020',
      version: SHANGDANG_VERSION,
      district: 'SD',
      stage: 'consultation-draft',
    });
    expect(plan.sections.map((s) => s.label)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(plan.sections.map((s) => s.tasks.length)).toEqual([1, 3, 7, 4, 2, 4]);
    const tasks = tasksOf(plan);
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(tasks[3]?.label).toBe('（四）');
    expect(tasks[20]?.label).toBe('（二十一）');
  });

  it('keeps each task text as the seed writes it, with the line break in （四） joined', () => {
    for (const task of tasksOf(loadedPlan())) {
      expect(task.text.startsWith(`${task.label}${task.title}。`)).toBe(true);
      expect(task.text).not.toContain('\n');
    }
    expect(tasksOf(loadedPlan())[3]?.text).toContain('加强区职教中心社会服务能力建设');
  });

  it('lists every task’s units in the order of its 责任单位, the first as lead', () => {
    for (const task of tasksOf(loadedPlan())) {
      expect(task.units.length).toBeGreaterThanOrEqual(1);
      const written = /（责任单位：(.*)）$/
        .exec(task.text)?.[1]
        ?.split('、')
        .map((name) => name.trim());
      expect(task.units.map((unit) => unit.via ?? unit.name)).toEqual(written);
      expect(task.units.map((unit) => unit.role)).toEqual(
        task.units.map((_, i) => (i === 0 ? 'lead' : 'cooperating')),
      );
    }
  });

  it('gives every task at least one indicator or milestone', () => {
    for (const task of tasksOf(loadedPlan())) {
      expect(task.indicators.length + task.milestones.length, task.code).toBeGreaterThan(0);
    }
  });

  it('holds every numeric target of the text as an indicator', () => {
    const indicators = tasksOf(loadedPlan()).flatMap((task) =>
      task.indicators.map((i) => ({ ...i, task: task.number })),
    );
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    // [code, task, unit, comparator, target, metric when Zhijiao computes it (null: reported by its bureau)]
    const expected: [string, number, string, string, number | [number, number], string | null][] = [
      ['T01-SZ-STUDIO', 1, '个', 'gte', 1, 'programs.provincialIdeologyStudiosAccepted'],
      ['T01-CULTURE-BRAND', 1, '个', 'gte', 5, 'programs.provincialCultureBrandsAccepted'],
      ['T01-SZ-MICROCOURSE', 1, '门', 'gte', 20, 'programs.ideologyMicroCoursesAccepted'],
      ['T03-VOC-SHARE', 3, '%', 'between', [45, 55], 'enrollment.vocationalShare'],
      ['T04-VEC-FUNCTIONS', 4, '项', 'gte', 8, null],
      ['T05-BRAND-MAJOR', 5, '个', 'gte', 5, 'programs.brandMajorsAccepted'],
      ['T05-STANDARDS-SHARE', 5, '%', 'gte', 100, 'programs.nationalStandardsShare'],
      ['T06-PROV-COURSE', 6, '门', 'gte', 3, 'programs.provincialQualityCoursesAccepted'],
      ['T06-NATIONAL-TEXTBOOKS', 6, '%', 'gte', 80, 'programs.nationalTextbookCourseShare'],
      ['T06-NEW-FORM-TEXTBOOKS', 6, '%', 'gte', 30, 'programs.newFormTextbookCourseShare'],
      ['T07-DQ-STUDIO', 7, '个', 'gte', 2, 'programs.provincialMasterStudiosAccepted'],
      ['T07-DQ-TEAM', 7, '个', 'gte', 2, 'programs.provincialInnovationTeamsAccepted'],
      ['T07-DQ-MASTER', 7, '个', 'gte', 10, 'programs.districtMasterTeachersApproved'],
      ['T07-DQ-RATIO', 7, '%', 'gte', 60, 'teachers.dualQualifiedShare'],
      ['T07-HIRE-RULE', 7, '%', 'gte', 100, 'teachers.recruitmentComplianceShare'],
      ['T11-QUALITY-REPORT', 11, '份', 'gte', 1, null],
      ['T16-1X-PARTICIPATION', 16, '%', 'gte', 30, 'learners.onePlusXParticipationRate'],
      ['T16-1X-PASS', 16, '%', 'gte', 70, 'learners.onePlusXPassRate'],
      ['T16-OUTCOMES-RECOGNISED', 16, '项', 'gte', 1, 'learners.outcomesRecognised'],
      ['T16-CONVERSIONS', 16, '项', 'gte', 1, 'learners.conversionsApproved'],
      ['T18-MEETINGS-HELD', 18, '次', 'gte', 1, 'jointMeetings.meetingsHeld'],
      ['T18-DECISIONS-ON-TIME', 18, '%', 'gte', 90, 'jointMeetings.decisionsOnTimeShare'],
      ['T19-INSPECTIONS-HELD', 19, '次', 'gte', 1, 'supervision.inspectionsHeld'],
      ['T19-ORDERS-ON-TIME', 19, '%', 'gte', 100, 'supervision.ordersClosedOnTimeShare'],
      ['T13-INTERN-POSTS', 13, '%', 'gte', 2, 'internships.aboveScalePostShare'],
      ['T13-INTERN-INSURANCE', 13, '%', 'gte', 100, 'internships.insuranceCoverage'],
      ['T20-PER-STUDENT', 20, '元/生·年', 'gte', 8000, null],
      ['T20-SURCHARGE-SHARE', 20, '%', 'gte', 30, null],
    ];
    for (const [code, task, unit, comparator, target, metric] of expected) {
      const indicator = byCode.get(code);
      expect(indicator, code).toBeDefined();
      expect(indicator, code).toMatchObject({
        task,
        unit,
        comparator,
        kind: metric === null ? 'reported' : 'computed',
        metric,
      });
      if (Array.isArray(target)) expect([indicator?.targetLow, indicator?.targetHigh]).toEqual(target);
      else expect(indicator?.target, code).toBe(target);
    }
    expect(byCode.get('T07-DQ-RATIO')?.deadline).toBe('2022-12-31');
    for (const yearly of [
      'T11-QUALITY-REPORT',
      'T20-PER-STUDENT',
      'T20-SURCHARGE-SHARE',
      'T13-INTERN-POSTS',
      'T18-MEETINGS-HELD',
      'T18-DECISIONS-ON-TIME',
      'T19-INSPECTIONS-HELD',
      'T19-ORDERS-ON-TIME',
    ]) {
      expect(byCode.get(yearly)?.recurrence, yearly).toBe('yearly');
    }
  });

  it("gives every milestone to one of its task's units, or says why not; 区委宣传部 owns the publicity of （二十一）", () => {
    const tasks = tasksOf(loadedPlan());
    const milestone = (code: string) => tasks.flatMap((t) => t.milestones).find((m) => m.code === code);
    for (const code of ['T07-BASE-CZMED', 'T07-BASE-JIDIAN'])
      expect(milestone(code)?.unit?.code, code).toBe('SD-EDU');
    for (const code of ['T14-BASE-YITONG', 'T14-BASE-ZHENDONG'])
      expect(milestone(code)?.unit?.code, code).toBe('SD-DRC');
    // The schools do these themselves: they keep them, with the reason.
    expect(milestone('T02-HL-APPLY')).toMatchObject({
      unit: { code: 'SD-VHS' },
      ownerNote: expect.any(String),
    });
    expect(milestone('T03-VHS-EXPANSION')).toMatchObject({
      unit: { code: 'SD-VHS' },
      ownerNote: expect.any(String),
    });
    expect(milestone('T04-VEC-ENTITY')).toMatchObject({
      unit: { code: 'SD-VEC' },
      ownerNote: expect.any(String),
    });
    for (const year of [2020, 2021, 2022])
      expect(milestone(`T21-PUBLICITY-${year}`)?.unit?.code).toBe('SD-PROP');
    for (const t of tasks)
      for (const m of t.milestones)
        if (m.unit && !m.ownerNote)
          expect(
            t.units.map((u) => u.code),
            m.code,
          ).toContain(m.unit.code);
  });

  it('completes by records the milestones that records prove', () => {
    const byRecords = tasksOf(loadedPlan())
      .flatMap((t) => t.milestones)
      .filter((m) => m.completedBy)
      .map((m) => [m.code, m.completedBy]);
    expect(byRecords).toEqual([
      ['T03-ENROL-PLATFORM', 'enrollment.seasonsPublished'],
      ['T12-PCI-ENTERPRISES', 'certification.certifiedEnterprises'],
      ['T12-INCENTIVES', 'certification.combinedIncentivesGranted'],
      ['T12-INNOVATION-CENTRE', 'cooperation.innovationCentresOperating'],
      ['T13-APPRENTICESHIP', 'cooperation.apprenticeshipsUnderBothSchemes'],
      ['T13-TEACHING-FACTORY', 'cooperation.teachingFactoriesOperating'],
      ['T14-BASE-YITONG', 'trainingBases.yitongBaseInOperation'],
      ['T14-BASE-ZHENDONG', 'trainingBases.zhendongBaseInOperation'],
      ['T14-SCHOOL-BASES', 'trainingBases.schoolBasesInOperation'],
      ['T15-GROUP-REFORM', 'trainingBases.reformingGroups'],
      ['T16-1X-PILOT', 'learners.onePlusXSchools'],
      ['T16-CREDIT-BANK', 'learners.creditBankInUse'],
      ['T18-JOINT-MEETING', 'jointMeetings.meetingsHeld'],
      ['T19-SUPERVISION', 'supervision.bothInspectionKindsHeld'],
    ]);
  });
});
