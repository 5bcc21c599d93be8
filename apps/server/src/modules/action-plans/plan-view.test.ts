import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';

const PLAN = 'shangdang-vet-2020';
type MilestoneOut = {
  code: string;
  due: string;
  task: { label: string };
  overdue: boolean;
  completedOn: string | null;
};

describe('plan milestones list', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2023-03-01T01:00:00Z' });
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  it('lists every milestone of the plan for the coordinator, by due date, overdue when past due and open', async () => {
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coord.m');
    const coordinator = await login(ctx, 'coord.m');
    const res = await coordinator.get(`/api/plans/${PLAN}/milestones`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as MilestoneOut[];
    const total = await ctx.db.selectFrom('milestone').select('id').execute();
    expect(items).toHaveLength(total.length);
    expect(items.map((m) => m.due)).toEqual([...items.map((m) => m.due)].sort());
    for (const m of items) expect(m.overdue, m.code).toBe(m.completedOn === null && m.due < '2023-03-01');
    expect(items.some((m) => m.overdue)).toBe(true);
  });

  it('shows a school only the milestones of the tasks it is involved in', async () => {
    await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs.m');
    const vhs = await login(ctx, 'vhs.m');
    const items = (await vhs.get(`/api/plans/${PLAN}/milestones`)).json().items as MilestoneOut[];
    expect(new Set(items.map((m) => m.task.label))).toEqual(new Set(['（二）', '（三）']));
  });
});
