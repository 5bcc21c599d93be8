import { expect } from 'vitest';
import { createUser, login, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';

export type Res = { statusCode: number; body: string; json(): unknown };
export const errorCode = (res: Res) => (res.json() as { error: { code: string } }).error.code;
export const PLAN = 'shangdang-vet-2020';

/** The people of a supervision test: coordinator, two inspectors, clerks of two units, a viewer. */
export async function supervisionCast(ctx: TestContext) {
  const { planId } = await seedShangdang(ctx);
  const users = {
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    inspector: await createUser(ctx, 'inspector', 'SD-EDU'),
    otherInspector: await createUser(ctx, 'inspector', 'SD-EDU'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
    fin: await createUser(ctx, 'unit_clerk', 'SD-FIN'),
    viewer: await createUser(ctx, 'viewer', 'SD'),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [k, u] of Object.entries(users)) clients[k as keyof typeof users] = await login(ctx, u.username);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return { planId, users, clients, hrssId: await unit('SD-HRSS'), finId: await unit('SD-FIN'), unit };
}

/**
 * Creates and starts an inspection run by `inspectorId`, covering 区人社局 and 区财政局, ending
 * 2021-06-30 unless `endsOn` says otherwise (a test that completes it ends it by the test's day).
 */
export async function startedInspection(
  coordinator: Client,
  body: {
    inspectorIds: string[];
    scope: Array<{ type: string; id: string }>;
    title?: string;
    endsOn?: string;
  },
) {
  const created = await coordinator.post('/api/supervision/inspections', {
    kind: 'special',
    title: body.title ?? '2021年职业教育专项督导',
    purpose: '检查行动计划落实情况',
    startsOn: '2021-05-10',
    endsOn: body.endsOn ?? '2021-06-30',
    schedule: [{ date: '2021-05-21', activity: '赴区人社局查阅资料' }],
    inspectorIds: body.inspectorIds,
    leadInspectorId: body.inspectorIds[0],
    scope: body.scope,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { inspection: { id: string } }).inspection.id;
  const started = await coordinator.post(`/api/supervision/inspections/${id}/start`);
  expect(started.statusCode, started.body).toBe(200);
  return id;
}

export async function auditActions(ctx: TestContext, objectId: string) {
  return (
    await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', objectId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);
}
