import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import {
  choose,
  runWholeSeason,
  setUpSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';

type Res = { statusCode: number; json(): unknown };
const refusalOf = (res: Res) => [res.statusCode, (res.json() as { error: { code: string } }).error.code];
type Abilities = { manage: boolean; fillPreferences: boolean; register: boolean };

/*
 * A clerk's scope is its unit's whole subtree, so a clerk of 区教育局 (SD-EDU, the unit the schools
 * sit under) sees every junior high's candidates and every receiving school's admitted list. Unit
 * clerks hold `enrollment.preferences` and `enrollment.register`, but filling a candidate's choices
 * is the candidate's own junior high's and 报到 the receiving school's own; 招生办 (the coordinator)
 * sets the season up, matches and publishes, and does neither.
 */
describe('a clerk of the bureau above the schools fills no candidate’s preferences', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let bureau: Client;
  let jhs1: Client;
  const preferenceRows = async () =>
    (await ctx.db.selectFrom('enrollmentPreferenceChange').select('candidateId').execute()).length;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    bureau = await userClient(ctx, 'unit_clerk', 'SD-EDU');
    jhs1 = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
    ctx.clock.set('2021-06-02T00:00:00Z');
  });
  afterAll(() => ctx?.close());

  it('is offered neither preferences nor 报到 on the season', async () => {
    const res = await bureau.get(`/api/enrollment/seasons/${f.seasonId}`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { season: { abilities: Abilities } }).season.abilities).toEqual({
      manage: false,
      fillPreferences: false,
      register: false,
    });
  });

  it('sees a candidate’s preferences but is refused (403) setting them; the junior high still sets them', async () => {
    const candidate = f.candidates.get('210001')!;
    const seen = await bureau.get(`/api/enrollment/candidates/${candidate}/preferences`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as { abilities: { edit: boolean } }).abilities.edit).toBe(false);
    const before = await preferenceRows();
    expect(refusalOf(await choose(bureau, f, '210001', f.batches.general, [f.programs.hs1]))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(await preferenceRows()).toBe(before);
    expect(refusalOf(await choose(f.coordinator, f, '210001', f.batches.general, []))).toEqual([
      403,
      'FORBIDDEN',
    ]);

    const own = await choose(jhs1, f, '210001', f.batches.general, [f.programs.hs1]);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { abilities: { edit: boolean } }).abilities.edit).toBe(true);
    expect(await preferenceRows()).toBe(before + 1);
  });
});

describe('a clerk of the bureau above the schools confirms no school’s 报到', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let bureau: Client;
  let vhs: Client;
  const registrations = async () =>
    (await ctx.db.selectFrom('enrollmentRegistration').select('candidateId').execute()).length;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f } = await runWholeSeason(ctx));
    bureau = await userClient(ctx, 'unit_clerk', 'SD-EDU');
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
  });
  afterAll(() => ctx?.close());

  it('reads the admitted lists without the ability to register, and is refused (403) recording 报到', async () => {
    const list = await bureau.get(`/api/enrollment/seasons/${f.seasonId}/admissions`);
    expect(list.statusCode).toBe(200);
    const admissions = list.json() as { items: unknown[]; abilities: { register: boolean } };
    expect(admissions.items).toHaveLength(5);
    expect(admissions.abilities.register).toBe(false);

    const weld = f.candidates.get('210004')!;
    const body = { status: 'registered' };
    expect(refusalOf(await bureau.put(`/api/enrollment/candidates/${weld}/registration`, body))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const batch = await bureau.post('/api/enrollment/registrations', { candidateIds: [weld] });
    expect(refusalOf(batch)).toEqual([403, 'FORBIDDEN']);
    expect(await registrations()).toBe(0);

    // The receiving school's own clerk confirms it.
    const own = await vhs.post('/api/enrollment/registrations', { candidateIds: [weld] });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ registered: 1 });
    expect(
      (await vhs.get(`/api/enrollment/seasons/${f.seasonId}/admissions`)).json() as {
        abilities: { register: boolean };
      },
    ).toMatchObject({ abilities: { register: true } });
  });
});
