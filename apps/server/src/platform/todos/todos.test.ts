import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { listSubtreeIds } from '../../modules/org/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createDemoTestContext, createUser, login, type TestContext } from '../../test/test-context.ts';
import type { Actor } from '../auth/actor.ts';
import type { TodoItem } from './todo-sources.ts';

const TODAY = '2026-11-29';

describe('my todos (我的待办) on the demo district', () => {
  let ctx: TestContext;
  let rt: Runtime;
  const todosOf = async (username: string): Promise<{ actor: Actor; items: TodoItem[] }> => {
    const actor = await demoActor(rt, username);
    return { actor, items: (await ctx.services.todoSources.collect(actor, 'zh', TODAY)).items };
  };
  const kinds = (items: TodoItem[]) => new Set(items.map((i) => `${i.source}/${i.kind}`));

  beforeAll(async () => {
    ({ ctx, rt } = await createDemoTestContext());
  }, 600_000);
  afterAll(() => ctx?.close());

  it('gives a bureau’s and a school’s clerk their own unit’s work only', async () => {
    for (const username of ['hrss', 'finance', 'vhs', 'vec']) {
      const { actor, items } = await todosOf(username);
      expect(items.length, username).toBeGreaterThan(0);
      expect(
        items.filter((i) => i.unit.id !== actor.orgUnitId),
        username,
      ).toEqual([]);
    }
    expect(kinds((await todosOf('hrss')).items)).toContain('joint-meetings/action_item_to_do');
    expect(kinds((await todosOf('finance')).items)).toEqual(new Set(['joint-meetings/remarks_to_write']));
    const vhs = (await todosOf('vhs')).items;
    expect(kinds(vhs)).toEqual(
      new Set(['joint-meetings/remarks_to_write', 'teachers/dq_returned', 'teachers/dq_to_review_at_school']),
    );
    const vec = (await todosOf('vec')).items;
    expect(vec.filter((v) => vhs.some((h) => h.id === v.id))).toEqual([]);
  });

  it('gives the coordinator the district’s reviews, decisions, moderation and final evaluation', async () => {
    const { actor, items } = await todosOf('coordinator');
    const district = new Set(await listSubtreeIds(ctx.db, actor.districtId!));
    expect(items.filter((i) => !district.has(i.unit.id))).toEqual([]);
    const got = kinds(items);
    for (const kind of [
      'action-plans/report_to_review',
      'action-plans/final_evaluation_due',
      'consultation/comments_to_moderate',
      'supervision/order_to_verify',
      'teachers/dq_to_decide',
      'programs/project_to_review',
      'programs/project_midterm',
    ])
      expect(got, kind).toContain(kind);
    // The school's own steps are not the coordinator's.
    expect(got).not.toContain('teachers/dq_to_review_at_school');
    expect(got).not.toContain('programs/project_to_submit');
  });

  it('gives the inspector the orders and inspections they are named on, nothing of the units’ own', async () => {
    const { actor, items } = await todosOf('inspector');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.source === 'supervision')).toBe(true);
    const named = await ctx.db
      .selectFrom('inspectionInspector')
      .select('inspectionId')
      .where('userId', '=', actor.userId)
      .execute();
    const inspections = new Set(named.map((n) => n.inspectionId));
    const orders = await ctx.db.selectFrom('rectificationOrder').select(['id', 'inspectionId']).execute();
    const inspectionOf = new Map(orders.map((o) => [o.id, o.inspectionId]));
    for (const item of items) {
      const [, , id] = item.id.split(':');
      const inspectionId = item.kind === 'inspection_in_progress' ? id! : inspectionOf.get(id!);
      expect(inspections.has(inspectionId!), item.title).toBe(true);
    }
    expect(kinds(items)).toContain('supervision/inspection_in_progress');
  });

  it('gives the junior high’s liaison nothing when no preference window is open, and an admin nothing', async () => {
    expect((await todosOf('jhs1')).items).toEqual([]);
    expect((await todosOf('sysadmin')).items).toEqual([]);
  });

  it('lists the most overdue first, then by due date, undated last', async () => {
    const { items } = await todosOf('coordinator');
    const dated = items.filter((i) => i.dueDate !== null);
    expect(dated.map((i) => i.dueDate)).toEqual(dated.map((i) => i.dueDate).sort());
    expect(items.slice(dated.length).every((i) => i.dueDate === null)).toBe(true);
    expect(dated[0]!.daysLate).toBeGreaterThan(0);
  });

  it('answers GET /api/todos to an account with a role, in its language, and refuses one without', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const res = await (await login(ctx, clerk.username)).get('/api/todos?lang=en');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: TodoItem[] }).items;
    const vhs = (await todosOf('vhs')).items;
    expect(items.map((i) => i.id)).toEqual(vhs.map((i) => i.id));
    expect(items.find((i) => i.kind === 'dq_returned')!.title).toMatch(
      /^Fix the returned 双师型 application: /,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
    const { user } = await ctx.services.org.users.createUser(null, {
      username: 'todo-no-role',
      displayName: 'todo-no-role',
      orgUnitCode: 'SD-VHS',
      password: 'Zhi-jiao#2026',
      mustChangePassword: false,
    });
    expect(user.role).toBeNull();
    const waiting = await login(ctx, 'todo-no-role');
    expect((await waiting.get('/api/todos')).statusCode).toBe(403);
  });
});
