import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './test-context.ts';
import { runWholeSeason, userClient } from '../modules/enrollment/enrollment.test-helpers.ts';
import {
  codeOf,
  createBasesWorld,
  detailsOf,
  type BasesWorld,
} from '../modules/training-bases/training-bases.test-helpers.ts';

type Programme = {
  id: string;
  name: string;
  places: number;
  enrolled: number;
  numbersFrom: string;
  enrollmentProgram: { id: string; code: string } | null;
};
type Group = { id: string; programmes: Programme[] };

/**
 * 中高职衔接 linked to 统一招生 (training-bases reading enrollment through its index.ts): places and
 * enrolled read live from the enrolment program. Here, not in a module's folder, because it sets up
 * both modules' records with their own test helpers (as cli/two-processes.test.ts does).
 */
describe('a vocational-education group’s articulation programme linked to enrolment', () => {
  let w: BasesWorld;
  let season: Awaited<ReturnType<typeof runWholeSeason>>;
  let vhs: Client;
  let group: Group;
  const programmeNamed = (g: Group, name: string) => g.programmes.find((p) => p.name === name)!;
  const link = (programme: Programme, enrollmentProgramId: string | null) =>
    vhs.put(`/api/vet-group-programmes/${programme.id}/enrollment-link`, {
      enrollmentProgramId,
    });

  beforeAll(async () => {
    w = await createBasesWorld('2021-05-06T02:00:00Z');
    const created = await w.coordinator.post('/api/vet-groups', {
      name: '上党区职业教育集团',
      leadUnitId: w.units.vhs,
      foundedOn: '2020-05-08',
      members: [
        { unitId: w.units.vhs, role: 'chair', joinedOn: '2020-05-08' },
        { unitId: w.units.vec, role: 'member', joinedOn: '2020-05-08' },
        { unitId: w.units.jidian, role: 'vice_chair', joinedOn: '2020-05-08' },
        { unitId: w.units.yitong, role: 'council', joinedOn: '2020-05-08' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    group = (created.json() as { group: Group }).group;
    const add = async (body: Record<string, unknown>) => {
      const res = await w.vhs.post(`/api/vet-groups/${group.id}/programmes`, {
        kind: 'articulation',
        year: 2021,
        unitIds: [w.units.vhs, w.units.jidian],
        places: 40,
        enrolled: 38,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      group = (res.json() as { group: Group }).group;
    };
    await add({ name: '焊接“3+2”' });
    await add({ name: '焊接“3+2”（2022）', year: 2022 });
    await add({ name: '焊接“3+2”二班' });
    await add({
      name: '焊接现代学徒制班',
      kind: 'modern_apprenticeship',
      unitIds: [w.units.vhs, w.units.yitong],
    });
    season = await runWholeSeason(w.ctx);
    vhs = await userClient(w.ctx, 'unit_clerk', 'SD-VHS');
  }, 600_000);
  afterAll(() => w?.ctx.close());

  it('offers only the 中职 programs of the year at the programme’s secondary schools', async () => {
    const programme = programmeNamed(group, '焊接“3+2”');
    const res = await vhs.get(`/api/vet-group-programmes/${programme.id}/linkable-enrollment-programs`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: Array<{ code: string }> }).items.map((p) => p.code)).toEqual(['VHS-WELD']);
  });

  it('refuses a 普高 program, a program of another school, another year, and a class that is not articulation', async () => {
    const { programs } = season.f;
    const articulation = programmeNamed(group, '焊接“3+2”');
    const general = await link(articulation, programs.hs1);
    expect(general.statusCode).toBe(409);
    expect(codeOf(general)).toBe('VET_PROGRAMME_LINK_REFUSED');
    expect(detailsOf(general).map((d) => `${d.field}:${d.code}`)).toEqual([
      'enrollmentProgramId:ENROLLMENT_PROGRAM_NOT_VOCATIONAL',
      'enrollmentProgramId:ENROLLMENT_PROGRAM_OTHER_SCHOOL',
    ]);
    const otherSchool = await link(articulation, programs.beauty);
    expect(otherSchool.statusCode).toBe(409);
    expect(detailsOf(otherSchool)).toEqual([
      {
        field: 'enrollmentProgramId',
        code: 'ENROLLMENT_PROGRAM_OTHER_SCHOOL',
        message: '该招生计划的学校不是本项目的中职成员学校',
        messageEn: 'The enrolment program is not at one of the programme’s secondary vocational schools',
      },
    ]);
    const otherYear = await link(programmeNamed(group, '焊接“3+2”（2022）'), programs.weld);
    expect(otherYear.statusCode).toBe(409);
    expect(detailsOf(otherYear).map((d) => d.code)).toEqual(['ENROLLMENT_PROGRAM_OTHER_YEAR']);
    const apprenticeship = await link(programmeNamed(group, '焊接现代学徒制班'), programs.weld);
    expect(apprenticeship.statusCode).toBe(400);
    expect(detailsOf(apprenticeship).map((d) => `${d.field}:${d.code}`)).toEqual([
      'enrollmentProgramId:LINK_NOT_ARTICULATION',
    ]);
    const unknown = await link(articulation, '00000000-0000-4000-8000-000000000000');
    expect(detailsOf(unknown).map((d) => d.code)).toEqual(['ENROLLMENT_PROGRAM_UNKNOWN']);
    const rows = await w.ctx.db.selectFrom('vetGroupProgramme').select('enrollmentProgramId').execute();
    expect(rows.every((r) => r.enrollmentProgramId === null)).toBe(true);
    const member = await userClient(w.ctx, 'unit_clerk', 'SD-YITONG');
    const notKeeper = await member.put(`/api/vet-group-programmes/${articulation.id}/enrollment-link`, {
      enrollmentProgramId: programs.weld,
    });
    expect(notKeeper.statusCode).toBe(403);
    expect(codeOf(notKeeper)).toBe('VET_GROUP_NOT_KEEPER');
  });

  it('once linked, shows the program’s quota and its registrations live, and the typed numbers again once unlinked', async () => {
    const { programs } = season.f;
    const articulation = programmeNamed(group, '焊接“3+2”');
    const linked = await link(articulation, programs.weld);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(programmeNamed((linked.json() as { group: Group }).group, '焊接“3+2”')).toMatchObject({
      places: 2,
      enrolled: 0,
      numbersFrom: 'enrollment',
      enrollmentProgram: { id: programs.weld, code: 'VHS-WELD' },
    });
    const placed = await w.ctx.db
      .selectFrom('enrollmentPlacement')
      .select('candidateId')
      .where('programId', '=', programs.weld)
      .execute();
    expect(placed.length).toBeGreaterThan(0);
    const registered = await vhs.put(`/api/enrollment/candidates/${placed[0]!.candidateId}/registration`, {
      status: 'registered',
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const viewed = (await vhs.get(`/api/vet-groups/${group.id}`)).json() as { group: Group };
    expect(programmeNamed(viewed.group, '焊接“3+2”')).toMatchObject({ places: 2, enrolled: 1 });
    expect(programmeNamed(viewed.group, '焊接“3+2”（2022）')).toMatchObject({
      places: 40,
      enrolled: 38,
      numbersFrom: 'typed',
      enrollmentProgram: null,
    });
    // The program admits one programme's students: a second programme is refused it, and not offered it.
    const second = programmeNamed(viewed.group, '焊接“3+2”二班');
    const twice = await link(second, programs.weld);
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'VET_PROGRAMME_LINK_REFUSED']);
    expect(detailsOf(twice)).toEqual([
      {
        field: 'enrollmentProgramId',
        code: 'ENROLLMENT_PROGRAM_ALREADY_LINKED',
        message: '该招生计划已关联中高职衔接项目“焊接“3+2””：一个中职招生计划只能对应一个中高职衔接项目',
        messageEn:
          'The enrolment program is already linked to the articulation programme “焊接“3+2””: an enrolment program belongs to one articulation programme',
      },
    ]);
    const offered = await vhs.get(`/api/vet-group-programmes/${second.id}/linkable-enrollment-programs`);
    expect((offered.json() as { items: unknown[] }).items).toEqual([]);
    // Its own programme may be linked to it again.
    expect((await link(articulation, programs.weld)).statusCode).toBe(200);
    const cleared = await link(articulation, null);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(programmeNamed((cleared.json() as { group: Group }).group, '焊接“3+2”')).toMatchObject({
      places: 40,
      enrolled: 38,
      numbersFrom: 'typed',
      enrollmentProgram: null,
    });
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', 'like', 'trainingBases.programme.%link%')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'trainingBases.programme.linked', objectId: articulation.id },
      { action: 'trainingBases.programme.linked', objectId: articulation.id },
      { action: 'trainingBases.programme.unlinked', objectId: articulation.id },
    ]);
  });
});
