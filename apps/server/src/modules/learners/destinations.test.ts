import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  login,
  createUser,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import * as destinations from './destinations.service.ts';
import { identityColumns } from './learner-columns.ts';
import { insertLearners } from './learners.repository.ts';

type Detail = { field: string; code: string; message: string; messageEn: string };

/** The error a promise rejects with: its code, status and details. */
async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Detail[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details };
}

const TODAY = '2026-03-10';

/**
 * Graduates' destinations (毕业去向) on a real database: the school's clerk records where each of its
 * graduates went, refused on each field a kind needs, for a student who has not graduated, for free
 * text holding a phone number and for an employer off the district's register; the figures of a
 * year's graduates; another school's clerk and 区教育局's clerk keep none.
 */
describe('graduates’ destinations', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'eduClerk' | 'coordinator', Actor>;
  let units: Map<string, string>;
  /** 区职业高中's learners: five graduates of 2025 and one still studying. */
  const ids: string[] = [];

  async function learner(school: string, n: number, status: 'enrolled' | 'graduated', since: string) {
    const now = ctx.clock.now();
    const [id] = await insertLearners(ctx.db, [
      {
        schoolId: units.get(school)!,
        districtId: units.get('SD')!,
        majorCode: '660301',
        majorName: '焊接技术应用',
        className: '2022级1班',
        cohortYear: 2022,
        name: `毕业生${n}`,
        ...identityColumns(
          ctx.crypto,
          `1404212006010${String(n).padStart(4, '0')}`.slice(0, 17) + 'X',
          '2006-01-01',
        ),
        sex: 'M',
        status,
        statusSince: since,
        source: 'import',
        enrollmentRegistrationId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    return id!;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    units = new Map(
      [...(await unitsByCodes(ctx.db, ['SD', 'SD-VHS', 'SD-VEC', 'SD-YITONG'])).values()].map((u) => [
        u.code,
        u.id,
      ]),
    );
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
    };
    for (let n = 1; n <= 5; n += 1) ids.push(await learner('SD-VHS', n, 'graduated', '2025-07-01'));
    ids.push(await learner('SD-VHS', 6, 'enrolled', '2024-09-01'));
    ids.push(await learner('SD-VEC', 7, 'graduated', '2025-07-01'));
  }, 120_000);
  afterAll(() => ctx?.close());

  it('records a graduate’s work with the enterprise of the register, and reads it back; audited without the pay', async () => {
    const answer = await destinations.recordDestination(deps, actors.vhs, ids[0]!, {
      kind: 'employed',
      settledOn: '2025-07-15',
      employerUnitId: units.get('SD-YITONG')!,
      relevantToMajor: true,
      monthlyPay: 3600,
      region: 'district',
      // Another kind's field left in the form is cleared, not kept.
      institutionName: '长治职业技术学院',
    });
    expect(answer.graduatedOn).toBe('2025-07-01');
    expect(answer.abilities).toEqual({ record: true });
    expect(answer.destination).toMatchObject({
      kind: 'employed',
      employerName: '易通集团',
      employerUnitId: units.get('SD-YITONG'),
      monthlyPay: 3600,
      institutionName: null,
      source: 'school',
    });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('objectId', '=', ids[0]!)
      .execute();
    expect(audit).toEqual([
      { action: 'learner.destination_recorded', details: { kind: 'employed', source: 'school' } },
    ]);
  });

  it('names each field the kind needs, in zh and en, and writes nothing', async () => {
    const { status, code, details } = await refusal(
      destinations.recordDestination(deps, actors.vhs, ids[1]!, {
        kind: 'further_study',
        settledOn: '2026-03-11',
      }),
    );
    expect([status, code]).toEqual([400, 'DESTINATION_INVALID']);
    expect(details!.map((d) => `${d.field}:${d.code}`)).toEqual([
      'institutionName:REQUIRED',
      'studyLevel:REQUIRED',
      'studyRoute:REQUIRED',
      'settledOn:IN_FUTURE',
    ]);
    expect(details![0]).toMatchObject({
      message: '请填写升入学校',
      messageEn: 'State the school of further study',
    });
    expect((await destinations.getDestination(deps, actors.vhs, ids[1]!)).destination).toBeNull();
  });

  it('refuses a note holding a phone number, an employer off the register, a student not graduated', async () => {
    const phone = await refusal(
      destinations.recordDestination(deps, actors.vhs, ids[1]!, {
        kind: 'other',
        note: '出国，联系电话 13912345678',
      }),
    );
    expect(phone.details!.map((d) => `${d.field}:${d.code}`)).toEqual(['note:PERSONAL_DATA']);
    const school = await refusal(
      destinations.recordDestination(deps, actors.vhs, ids[1]!, {
        kind: 'employed',
        settledOn: '2025-08-01',
        employerUnitId: units.get('SD-VEC')!,
        relevantToMajor: false,
        region: 'district',
      }),
    );
    expect(school.details!.map((d) => `${d.field}:${d.code}`)).toEqual(['employerUnitId:NOT_FOUND']);
    const studying = await refusal(
      destinations.recordDestination(deps, actors.vhs, ids[5]!, { kind: 'seeking' }),
    );
    expect([studying.status, studying.code]).toEqual([409, 'DESTINATION_NOT_GRADUATED']);
    expect((await destinations.getDestination(deps, actors.vhs, ids[5]!)).abilities).toEqual({
      record: false,
    });
  });

  it('keeps each school’s graduates to its own clerk: another school 404, 区教育局’s clerk 403', async () => {
    const seeking = { kind: 'seeking' } as const;
    expect((await refusal(destinations.recordDestination(deps, actors.vec, ids[1]!, seeking))).status).toBe(
      404,
    );
    expect(
      (await refusal(destinations.recordDestination(deps, actors.eduClerk, ids[1]!, seeking))).status,
    ).toBe(403);
    expect(
      (await refusal(destinations.recordDestination(deps, actors.coordinator, ids[1]!, seeking))).status,
    ).toBe(403);
    expect((await refusal(destinations.getDestination(deps, actors.vec, ids[1]!))).status).toBe(404);
  });

  it('a survey corrects the school’s record; the year’s figures count every graduate, recorded or not', async () => {
    const vhs = actors.vhs;
    await destinations.recordDestination(deps, vhs, ids[1]!, {
      kind: 'further_study',
      settledOn: '2025-09-01',
      institutionName: '长治职业技术学院',
      studyLevel: 'higher_vocational',
      studyRoute: 'articulation',
    });
    await destinations.recordDestination(deps, vhs, ids[2]!, { kind: 'seeking' });
    const corrected = await destinations.recordDestination(deps, vhs, ids[2]!, {
      kind: 'self_employed',
      settledOn: '2025-10-01',
      relevantToMajor: false,
      region: 'province',
      monthlyPay: 5000,
      source: 'survey',
    });
    expect(corrected.destination).toMatchObject({ kind: 'self_employed', source: 'survey' });
    await destinations.recordDestination(deps, actors.vec, ids[6]!, {
      kind: 'enlisted',
      settledOn: '2025-09-10',
    });

    const own = await destinations.listGraduateDestinations(deps, vhs, { graduationYear: 2025 });
    expect(own.graduates.map((g) => g.name)).toEqual(['毕业生1', '毕业生2', '毕业生3', '毕业生4', '毕业生5']);
    expect(own.graduates.every((g) => /^\d{6}\*{8}\d{3}[\dX]$/.test(g.idMasked))).toBe(true);
    expect(own.figures).toMatchObject({
      graduates: 5,
      recorded: 3,
      employed: 2,
      articulation: 1,
      settledShare: 0.6,
      employmentShare: 0.4,
      furtherStudyShare: 0.2,
      relevantShare: 0.5,
      inDistrictShare: 0.5,
      meanPay: 4300,
    });
    const district = await destinations.listGraduateDestinations(deps, actors.coordinator, {
      graduationYear: 2025,
    });
    expect(district.figures).toMatchObject({ graduates: 6, recorded: 4, employed: 3 });
    // Per school, by the school's code (SD-VEC, SD-VHS).
    expect(district.schools.map((s) => [s.school.name, s.figures.graduates])).toEqual([
      ['区职教中心', 1],
      ['区职业高中', 5],
    ]);
    expect(district.graduates.every((g) => !g.abilities.record)).toBe(true);
    // Another year has none; a school out of sight lists nothing.
    expect(
      (await destinations.listGraduateDestinations(deps, vhs, { graduationYear: 2024 })).figures.graduates,
    ).toBe(0);
    const other = await destinations.listGraduateDestinations(deps, actors.vec, {
      graduationYear: 2025,
      schoolId: units.get('SD-VHS')!,
    });
    expect(other.graduates).toEqual([]);
  });

  it('serves the routes: the clerk’s PUT, a field-named 400 in English', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const client = await login(ctx, user.username);
    const put = await client.request({
      method: 'PUT',
      url: `/api/learners/${ids[3]!}/destination`,
      payload: { kind: 'employed' },
      headers: { 'accept-language': 'en' },
    });
    expect(put.statusCode).toBe(400);
    const error = put.json().error as { code: string; message: string; details: Detail[] };
    expect(error.code).toBe('DESTINATION_INVALID');
    expect(error.message).toBe('The destination has errors');
    expect(error.details.map((d) => d.field)).toEqual([
      'settledOn',
      'employerName',
      'relevantToMajor',
      'region',
    ]);
    const ok = await client.put(`/api/learners/${ids[3]!}/destination`, {
      kind: 'enlisted',
      settledOn: '2025-09-01',
    });
    expect(ok.statusCode).toBe(200);
    const list = await client.get('/api/graduate-destinations?graduationYear=2025');
    expect(list.statusCode).toBe(200);
    expect(list.json().figures.counts.enlisted).toBe(1);
  });
});
