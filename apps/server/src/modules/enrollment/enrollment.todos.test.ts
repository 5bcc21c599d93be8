import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestContext } from '../../test/test-context.ts';
import { createTestContext, seedShangdang } from '../../test/test-context.ts';
import {
  choose,
  reviewAndPublish,
  runBatch,
  setUpSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';

type Todo = {
  source: string;
  kind: string;
  unit: { code: string };
  dueDate: string | null;
  count: number | null;
  title: string;
  link: string;
};

describe('GET /api/todos: enrolment work of a junior high, a receiving school and 招生办', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  const clients = {} as Record<'jhs1' | 'jhs2' | 'hs1' | 'vhs', Client>;
  const todos = async (c: Client, lang = 'zh') => {
    const res = await c.get(`/api/todos?lang=${lang}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Todo[] }).items.filter((t) => t.source === 'enrollment');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    clients.jhs1 = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
    clients.jhs2 = await userClient(ctx, 'unit_clerk', 'SD-JHS2');
    clients.hs1 = await userClient(ctx, 'unit_clerk', 'SD-HS1');
    clients.vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
  });
  afterAll(() => ctx?.close());

  it('asks nobody for preferences before the window opens', async () => {
    expect(await todos(clients.jhs1)).toEqual([]);
  });

  it('gives each junior high its own candidates still without choices while the window is open', async () => {
    ctx.clock.set('2021-06-02T00:00:00Z');
    expect((await choose(clients.jhs1, f, '210001', f.batches.general, [f.programs.hs1])).statusCode).toBe(
      200,
    );
    const [jhs1, ...more] = await todos(clients.jhs1);
    expect(more).toEqual([]);
    expect(jhs1).toMatchObject({
      kind: 'preferences_to_fill',
      unit: { code: 'SD-JHS1' },
      dueDate: '2021-06-10',
      count: 2,
      title: '2021年上党区高中阶段招生普高批志愿填报：2 名考生未填报',
      link: `/enrollment/preferences?season=${f.seasonId}`,
    });
    expect((await todos(clients.jhs2)).map((t) => [t.kind, t.unit.code, t.count])).toEqual([
      ['preferences_to_fill', 'SD-JHS2', 2],
    ]);
    expect(await todos(clients.hs1)).toEqual([]);
    expect(await todos(clients.vhs)).toEqual([]);
  });

  it('drops the preferences once the window closes, and asks 招生办 to publish the computed run', async () => {
    ctx.clock.set('2021-06-10T08:00:00Z');
    const { result } = await runBatch(ctx, f, f.batches.general);
    expect(await todos(clients.jhs1)).toEqual([]);
    expect((await todos(f.coordinator)).map((t) => [t.kind, t.unit.code, t.dueDate, t.link])).toEqual([
      ['results_to_publish', 'SD', '2021-06-11', `/enrollment/seasons/${f.seasonId}/runs/${result.runId}`],
    ]);
    await reviewAndPublish(f, result.runId);
  });

  it('asks the admitting school alone to record 报到 of its admitted students', async () => {
    const hs1 = await todos(clients.hs1, 'en');
    expect(hs1.map((t) => [t.kind, t.unit.code, t.dueDate])).toEqual([
      ['registrations_to_record', 'SD-HS1', '2021-06-24'],
    ]);
    expect(hs1[0]!.count).toBeGreaterThan(0);
    expect(await todos(clients.jhs1)).toEqual([]);
    expect(await todos(clients.vhs)).toEqual([]);
    expect((await todos(f.coordinator)).filter((t) => t.kind === 'registrations_to_record')).toEqual([]);
  });
});
