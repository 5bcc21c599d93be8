import type { ProjectLevel, ProjectState } from '@zhijiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCourse, createProgramsWorld, openMajor, type ProgramsWorld } from './programs.test-helpers.ts';

/** The metrics of （五）（六） on majors, standards, courses, textbooks and brand-major projects. */
describe('programs metrics of national standards, textbooks and brand majors', () => {
  let w: ProgramsWorld;
  const majors: Record<string, string> = {};
  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const compute = (name: string, today: string, orgUnitId = w.units.district) =>
    w.ctx.services.metrics.compute(name, {
      db: w.ctx.db,
      orgUnitId,
      period: { startsOn: '2021-01-01', endsOn: '2022-12-31' },
      today,
    });

  async function project(
    major: string,
    school: string,
    p: { state: ProjectState; level?: ProjectLevel; applied: string; approved?: string; closed?: string },
  ) {
    return (
      await w.ctx.db
        .insertInto('programProject')
        .values({
          schoolId: school,
          districtId: w.units.district,
          kind: 'brand_major',
          title: `${major}品牌专业建设（${p.level ?? '未立项'}）`,
          majorId: majors[major]!,
          state: p.state,
          level: p.level ?? null,
          appliedAt: at(p.applied),
          approvedOn: p.approved ?? null,
          closedOn: p.closed ?? null,
          createdAt: at(p.applied),
          updatedAt: at(p.applied),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
    majors.weld = await openMajor(w.vhs, '660107');
    majors.mech = await openMajor(w.vhs, '660301', '机电一体化');
    majors.hair = await openMajor(w.vec, '790302');
    majors.cnc = await openMajor(w.vec, '660103');
    const standards = (major: string, list: string[], adoptedOn: string) =>
      w.ctx.db
        .insertInto('majorStandard')
        .values(list.map((standard) => ({ majorId: majors[major]!, standard: standard as never, adoptedOn })))
        .execute();
    await standards('weld', ['teaching', 'curriculum', 'internship'], '2021-03-01');
    await standards('weld', ['training_facility'], '2021-09-01');
    await standards('mech', ['teaching', 'curriculum', 'internship', 'training_facility'], '2021-03-01');
    const textbook = (courseId: string, title: string, nationalPlanned: boolean, type: string) =>
      w.ctx.db
        .insertInto('textbook')
        .values({
          courseId,
          title,
          nationalPlanned,
          textbookType: type as never,
          hasDigitalResources: false,
          createdAt: at('2021-03-01'),
        })
        .execute();
    await textbook(
      await addCourse(w.vhs, '焊接工艺', majors.weld),
      '焊接工艺与技能训练',
      true,
      'traditional',
    );
    await textbook(
      await addCourse(w.vhs, 'PLC应用', majors.mech),
      'PLC应用技术（活页式）',
      true,
      'loose_leaf',
    );
    await textbook(await addCourse(w.vec, '美发修剪', majors.hair), '美发修剪工作手册', false, 'workbook');
    await addCourse(w.vec, '数控编程', majors.cnc); // no textbook recorded: left out
  });
  afterAll(() => w?.ctx.close());

  it('takes the share of majors applying all four national standards, as of a date', async () => {
    const march = await compute('programs.nationalStandardsShare', '2021-06-30');
    expect(march).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    const weld = march.drillDown.find((r) => r.ref?.id === majors.weld)!;
    expect(weld).toMatchObject({ value: 3, ref: { type: 'major' } });
    expect(weld.label).toContain('已实施 3/4 项国家标准，未实施：实训条件建设标准');
    expect(await compute('programs.nationalStandardsShare', '2021-09-01')).toMatchObject({ numerator: 2 });
  });

  it('takes the shares of courses with textbooks using national planned and new-form ones', async () => {
    const national = await compute('programs.nationalTextbookCourseShare', '2021-06-30');
    expect(national).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(national.drillDown.map((r) => `${r.ref?.type}:${r.value}`).sort()).toEqual([
      'course:0',
      'course:1',
      'course:1',
    ]);
    const newForm = await compute('programs.newFormTextbookCourseShare', '2021-06-30');
    expect(newForm).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect((await compute('programs.newFormTextbookCourseShare', '2021-02-01')).denominator).toBe(0);
  });

  it('counts brand majors once per major and shows the five named majors with their state', async () => {
    const cityWeld = await project('weld', w.units.vhs, {
      state: 'accepted',
      level: 'city',
      applied: '2021-01-05',
      approved: '2021-02-01',
      closed: '2021-06-01',
    });
    await project('weld', w.units.vhs, {
      state: 'accepted',
      level: 'district',
      applied: '2021-01-05',
      approved: '2021-02-01',
      closed: '2021-05-01',
    });
    await project('mech', w.units.vhs, {
      state: 'approved',
      level: 'district',
      applied: '2021-01-10',
      approved: '2021-03-10',
    });
    await project('hair', w.units.vec, { state: 'reviewing', applied: '2021-03-05' });
    const cnc = await project('cnc', w.units.vec, {
      state: 'approved',
      level: 'district',
      applied: '2021-01-10',
      approved: '2021-02-10',
    });

    const accepted = await compute('programs.brandMajorsAccepted', '2021-06-30');
    expect(accepted.value).toBe(1);
    expect(accepted.drillDown.map((r) => [r.label.split('：')[0], r.value])).toEqual([
      ['焊接', 1],
      ['机电一体化', 0],
      ['美容美发', 0],
      ['电子商务', 0],
      ['康复技术', 0],
      ['其他品牌专业项目', 0],
    ]);
    expect(accepted.drillDown[0]).toMatchObject({ ref: { type: 'program_project', id: cityWeld } });
    expect(accepted.drillDown[0]!.label).toMatch(/^焊接：验收通过/);
    expect(accepted.drillDown[2]!.label).toMatch(/^美容美发：评审中/);
    expect(accepted.drillDown[3]).toEqual({ label: '电子商务：未申报', value: 0 });
    expect(accepted.drillDown[5]).toMatchObject({ ref: { id: cnc } });

    const approved = await compute('programs.brandMajorsApproved', '2021-06-30');
    expect(approved.value).toBe(3);
    expect((await compute('programs.brandMajorsApproved', '2021-03-09')).value).toBe(2);
    // Before its application the hair project is not there yet.
    expect((await compute('programs.brandMajorsApproved', '2021-03-01')).drillDown[2]!.label).toBe(
      '美容美发：未申报',
    );
  });
});
