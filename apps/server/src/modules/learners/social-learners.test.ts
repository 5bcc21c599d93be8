import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { changeLearnerStatus, listLearners } from './register.service.ts';
import { listSamePerson, registerSocialLearner } from './social-learners.service.ts';

type Detail = { field: string; code: string; message: string; messageEn: string };

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Detail[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details };
}

/** A valid 居民身份证号 born 1990-05-01 with this sequence (odd: a man). */
function adultId(seq: number): string {
  const body = `14042119900501${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/**
 * Social learners (社会学习者) on a real database: an adult the school trains is registered by ID
 * number (refused on its fields), registering them again answers the same row, another name on the
 * same ID is refused, another school's and 区教育局's clerks cannot, the district's reviewer sees the
 * same person at two schools, and a social learner has no register status to change.
 */
describe('social learners', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'eduClerk' | 'coordinator', Actor>;
  let units: Map<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-05-10T02:00:00Z' });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    units = new Map(
      [...(await unitsByCodes(ctx.db, ['SD-VHS', 'SD-VEC'])).values()].map((u) => [u.code, u.id]),
    );
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
    };
  }, 120_000);
  afterAll(() => ctx?.close());

  it('registers an adult the school trains: sex and birth from the ID, no major or class, history and audit without the ID', async () => {
    const answer = await registerSocialLearner(deps, actors.vhs, {
      schoolId: units.get('SD-VHS')!,
      name: ' 王建国 ',
      idNumber: adultId(11).toLowerCase(),
    });
    expect(answer).toMatchObject({ merged: false, kind: 'social' });
    const row = await ctx.db
      .selectFrom('learner')
      .selectAll()
      .where('id', '=', answer.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'social',
      source: 'social',
      name: '王建国',
      sex: 'M',
      majorCode: '',
      className: '',
      cohortYear: 2026,
      status: 'enrolled',
      statusSince: '2026-05-10',
      idMasked: `140421********${adultId(11).slice(-4)}`,
    });
    expect(ctx.crypto.decrypt(row.idCipher)).toBe(adultId(11));
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'learner.created')
      .where('objectId', '=', answer.id)
      .execute();
    expect(audit).toEqual([{ details: { schoolId: units.get('SD-VHS'), source: 'social' } }]);
    expect(JSON.stringify(audit)).not.toContain(adultId(11).slice(6, 14));

    const social = await listLearners(deps, actors.vhs, { kind: 'social' });
    expect(social.items.map((l) => [l.name, l.kind])).toEqual([['王建国', 'social']]);
  });

  it('answers the same row for the same ID number, refuses another name on it, and names each bad field', async () => {
    const first = await registerSocialLearner(deps, actors.vhs, {
      schoolId: units.get('SD-VHS')!,
      name: '王建国',
      idNumber: adultId(11),
    });
    expect(first.merged).toBe(true);
    const count = await ctx.db
      .selectFrom('learner')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('name', '=', '王建国')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const other = await refusal(
      registerSocialLearner(deps, actors.vhs, {
        schoolId: units.get('SD-VHS')!,
        name: '王建军',
        idNumber: adultId(11),
      }),
    );
    expect(other).toMatchObject({ status: 409, code: 'LEARNER_NAME_MISMATCH' });
    expect(other.details![0]).toMatchObject({ field: 'name', code: 'NAME_MISMATCH' });
    expect(other.details![0]!.message).toContain('王建国');

    const bad = await refusal(
      registerSocialLearner(deps, actors.vhs, {
        schoolId: units.get('SD-VHS')!,
        name: '',
        idNumber: adultId(12).slice(0, 17) + (adultId(12).endsWith('1') ? '2' : '1'),
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.details!.map((d) => [d.field, d.code])).toEqual([
      ['name', 'REQUIRED'],
      ['idNumber', 'ID_CHECKSUM'],
    ]);
    expect(bad.details!.every((d) => d.message && d.messageEn)).toBe(true);
    const sex = await refusal(
      registerSocialLearner(deps, actors.vhs, {
        schoolId: units.get('SD-VHS')!,
        name: '李芳',
        idNumber: adultId(13),
        sex: 'F',
      }),
    );
    expect(sex.details!.map((d) => d.field)).toEqual(['sex']);
    // Born 2012-05-11: 13 on 2026-05-10, whose data would need a guardian's consent.
    const young = `14042120120511${'021'}`;
    const minor = await refusal(
      registerSocialLearner(deps, actors.vhs, {
        schoolId: units.get('SD-VHS')!,
        name: '少年',
        idNumber: young + residentIdCheckChar(young),
      }),
    );
    expect(minor.details!.map((d) => [d.field, d.code])).toEqual([['idNumber', 'UNDER_AGE']]);
  });

  it('lets only the school’s own clerk register; the reviewer sees the same person at two schools', async () => {
    const vhs = units.get('SD-VHS')!;
    expect(
      (
        await refusal(
          registerSocialLearner(deps, actors.vec, { schoolId: vhs, name: 'A', idNumber: adultId(15) }),
        )
      ).status,
    ).toBe(404);
    for (const actor of [actors.eduClerk, actors.coordinator])
      expect(
        (
          await refusal(
            registerSocialLearner(deps, actor, { schoolId: vhs, name: 'A', idNumber: adultId(15) }),
          )
        ).status,
      ).toBe(403);

    const atVec = await registerSocialLearner(deps, actors.vec, {
      schoolId: units.get('SD-VEC')!,
      name: '王建国',
      idNumber: adultId(11),
    });
    expect(atVec.merged).toBe(false);
    const atVhs = (await listLearners(deps, actors.vhs, { kind: 'social' })).items[0]!;
    const seen = await listSamePerson(deps, actors.coordinator, atVhs.id);
    expect(seen.items.map((r) => [r.id, r.school.name, r.kind])).toEqual([
      [atVec.id, '区职教中心', 'social'],
    ]);
    // Each school's clerk sees its own row only: the other school's is not theirs to see.
    expect((await listSamePerson(deps, actors.vhs, atVhs.id)).items).toEqual([]);
    expect((await refusal(listSamePerson(deps, actors.vec, atVhs.id))).status).toBe(404);
  });

  it('has no register status to change, and the routes answer with their codes', async () => {
    const atVhs = (await listLearners(deps, actors.vhs, { kind: 'social' })).items[0]!;
    const change = await refusal(
      changeLearnerStatus(deps, actors.vhs, atVhs.id, {
        status: 'withdrawn',
        date: '2026-05-10',
        reason: '结业',
      }),
    );
    expect(change).toMatchObject({ status: 409, code: 'LEARNER_STATUS_CHANGE_REFUSED' });
    expect(change.details![0]).toMatchObject({ field: 'status', code: 'SOCIAL_LEARNER' });

    const client = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const created = await client.post('/api/learners/social-learners', {
      schoolId: units.get('SD-VHS')!,
      name: '赵敏',
      idNumber: adultId(14),
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ merged: false, kind: 'social' });
    expect(created.body).not.toContain(adultId(14));
    const same = await client.get(`/api/learners/${created.json().id}/same-person`);
    expect(same.statusCode).toBe(200);
    const list = await client.get('/api/learners?kind=social');
    expect(
      list
        .json()
        .items.map((l: { name: string }) => l.name)
        .sort(),
    ).toEqual(['王建国', '赵敏']);
  });
});
