import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { actorOf, sourceAlerts } from '../../test/alert-actors.ts';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import {
  choose,
  reviewAndPublish,
  runBatch,
  setUpSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';

type Who = 'office' | 'jhs1' | 'jhs2' | 'hs1' | 'vhs';

describe('enrolment alerts: missing preferences, unpublished results, 报到 not recorded', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let runId: string;
  const actors = {} as Record<Who, Actor>;
  const alerts = (who: Who, today: string, lang: 'zh' | 'en' = 'zh') =>
    sourceAlerts(ctx, 'enrollment', actors[who], today, lang);
  const summary = async (who: Who, today: string) =>
    (await alerts(who, today))
      .map((a) => [a.kind, a.unit.code, a.tier, a.dueDate, a.daysLate])
      .sort((x, y) => String(x).localeCompare(String(y)));
  const messages = async (who: Who, today: string, lang: 'zh' | 'en' = 'zh') =>
    (await alerts(who, today, lang)).map((a) => a.message);

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    actors.office = await actorOf(ctx, 'coordinator', 'SD-EDU');
    actors.jhs1 = await actorOf(ctx, 'unit_clerk', 'SD-JHS1');
    actors.jhs2 = await actorOf(ctx, 'unit_clerk', 'SD-JHS2');
    actors.hs1 = await actorOf(ctx, 'unit_clerk', 'SD-HS1');
    actors.vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
  });
  afterAll(() => ctx?.close());

  it('raises nothing while more than 7 days of a preference window remain', async () => {
    expect(await alerts('office', '2021-06-02')).toEqual([]);
  });

  it('tells each junior high how many of its candidates have no choices as the window closes', async () => {
    const jhs1 = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
    ctx.clock.set('2021-06-02T00:00:00Z');
    for (const exam of ['210001', '210003'])
      expect((await choose(jhs1, f, exam, f.batches.general, [f.programs.hs1])).statusCode).toBe(200);
    expect(await summary('office', '2021-06-05')).toEqual([
      ['preferences_missing', 'SD-JHS1', 'blue', '2021-06-10', -5],
      ['preferences_missing', 'SD-JHS2', 'blue', '2021-06-10', -5],
    ]);
    expect(await messages('jhs1', '2021-06-05')).toEqual([
      '1 名考生未填报本批次志愿，填报将于 2021-06-10 截止（剩 5 天）',
    ]);
    expect(await messages('jhs2', '2021-06-05', 'en')).toEqual([
      '2 candidates have no choices in this batch; the window closes on 2021-06-10 (5 days left)',
    ]);
    const [a] = await alerts('jhs2', '2021-06-05');
    expect(a).toMatchObject({
      link: `/enrollment/preferences?season=${f.seasonId}`,
      title: '2021年上党区高中阶段招生普高批志愿填报',
    });
  });

  it('keeps a closed window unpublished in yellow, and shows a school none of the others', async () => {
    expect((await summary('jhs1', '2021-06-12')).map((a) => a.slice(0, 3))).toEqual([
      ['preferences_missing', 'SD-JHS1', 'yellow'],
    ]);
    expect(await alerts('hs1', '2021-06-12')).toEqual([]);
    expect(await alerts('vhs', '2021-06-12')).toEqual([]);
  });

  it('reminds 招生办 alone to publish a computed run before the next window opens', async () => {
    ctx.clock.set('2021-06-10T00:00:00Z');
    runId = (await runBatch(ctx, f, f.batches.general)).result.runId;
    const runs = (await alerts('office', '2021-06-10')).filter((a) => a.kind === 'run_unpublished');
    expect(runs.map((a) => [a.unit.code, a.tier, a.dueDate, a.daysLate])).toEqual([
      ['SD', 'blue', '2021-06-11', -1],
    ]);
    expect(runs[0]).toMatchObject({
      link: `/enrollment/seasons/${f.seasonId}/runs/${runId}`,
      message: '录取已计算尚未公布，应于 2021-06-11 前公布（剩 1 天）',
    });
    expect((await summary('office', '2021-07-20')).find((a) => a[0] === 'run_unpublished')).toEqual([
      'run_unpublished',
      'SD',
      'red',
      '2021-06-11',
      39,
    ]);
    for (const who of ['jhs1', 'jhs2', 'hs1', 'vhs'] as const)
      expect((await alerts(who, '2021-06-12')).filter((a) => a.kind === 'run_unpublished')).toEqual([]);
  });

  it('asks the admitting school to record 报到 within 14 days of publication, with the count', async () => {
    await reviewAndPublish(f, runId);
    const office = await summary('office', '2021-06-17');
    expect(office.filter((a) => a[0] !== 'preferences_missing')).toEqual([
      ['registration_pending', 'SD-HS1', 'blue', '2021-06-24', -7],
    ]);
    const placed = await ctx.db.selectFrom('enrollmentPlacement').select('candidateId').execute();
    const [hs1] = await alerts('hs1', '2021-06-17');
    expect(hs1).toMatchObject({ link: `/enrollment/admissions?season=${f.seasonId}` });
    expect(hs1!.message).toBe(`${placed.length} 名录取新生尚未登记报到，应于 2021-06-24 前完成（剩 7 天）`);
    for (const who of ['jhs1', 'jhs2', 'vhs'] as const)
      expect((await alerts(who, '2021-06-17')).filter((a) => a.kind === 'registration_pending')).toEqual([]);
    ctx.clock.set('2021-06-15T00:00:00Z');
    for (const p of placed)
      await ctx.services.enrollment.registration.recordRegistration(actors.hs1, p.candidateId, {
        status: 'registered',
      });
    expect(await alerts('hs1', '2021-06-17')).toEqual([]);
  });

  it('counts only candidates still unplaced for the next batch, and stops when the season closes', async () => {
    const placed = (await ctx.db.selectFrom('enrollmentPlacement').select('candidateId').execute()).length;
    const missing = (await alerts('office', '2021-06-15')).filter((a) => a.kind === 'preferences_missing');
    expect(missing.every((a) => a.dueDate === '2021-06-20')).toBe(true);
    const counts = missing.map((a) => Number(a.message.split(' ')[0]));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(5 - placed);
    const closed = await f.coordinator.post(`/api/enrollment/seasons/${f.seasonId}/closing`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await alerts('office', '2021-06-15')).toEqual([]);
  });
});
