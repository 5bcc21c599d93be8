import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { unitIdOf } from './notifications.test-helpers.ts';

/*
 * Review probe: a unit's notifications carry its records' contents (a teacher's name and the
 * refusal reason, a reviewer's comment, a joint meeting's decision). An account of the unit that
 * holds no role (not yet granted, or revoked) holds no permission and no scope, so it must read
 * none of them, and must not be able to mark them read.
 */
describe('review: notifications and accounts without a role', () => {
  let ctx: TestContext;
  let roleless: Client;
  let noticeId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const vhsId = await unitIdOf(ctx, 'SD-VHS');
    const user = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    // The security administrator revoked the role (or never granted one).
    await ctx.db.updateTable('appUser').set({ role: null }).where('id', '=', user.id).execute();
    roleless = await login(ctx, user.username);
    const id = randomUUID();
    await ctx.db.transaction().execute((trx) =>
      ctx.services.notifications.publish(trx, {
        unitId: vhsId,
        kind: 'dq_application.refused',
        title: { zh: '王建国的中级双师型教师认定申请未获认定', en: 'Wang Jianguo: refused' },
        body: { zh: '理由：企业实践时长不足', en: 'Reason: too few hours' },
        link: `/teachers/dq?open=${id}`,
        object: { type: 'dq_application', id },
        readPermission: 'teacher.read',
      }),
    );
    noticeId = (await ctx.db.selectFrom('notification').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => ctx?.close());

  it('an account without a role is told of no record of its unit', async () => {
    const me = (await roleless.get('/api/auth/me')).json() as { user: { role: string | null } };
    expect(me.user.role).toBeNull();
    const list = await roleless.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await roleless.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await roleless.post(`/api/notifications/${noticeId}/read`)).statusCode).toBe(404);
    expect((await roleless.post('/api/notifications/read-all')).json()).toEqual({ marked: 0, unread: 0 });
  });

  it('a role without the record’s read permission is not told of it (an inspector and an action item)', async () => {
    const eduId = await unitIdOf(ctx, 'SD-EDU');
    const inspector = await login(ctx, (await createUser(ctx, 'inspector', 'SD-EDU')).username);
    const coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const id = randomUUID();
    await ctx.db.transaction().execute((trx) =>
      ctx.services.notifications.publish(trx, {
        unitId: eduId,
        kind: 'action_item.assigned',
        title: { zh: '联席会议议定事项交办：第1项', en: 'Action item assigned: item 1' },
        body: { zh: '落实中职生均拨款8000元（完成时限：2021-06-30）', en: 'Fund 8000 per student' },
        link: `/meetings/action-items/${id}`,
        object: { type: 'action_item', id },
        readPermission: 'meeting.read',
      }),
    );
    const [notice] = await ctx.db
      .selectFrom('notification')
      .select('id')
      .where('objectId', '=', id)
      .execute();
    // The inspector holds no meeting.read: GET /api/meetings/... is 403 to them.
    expect((await inspector.get('/api/notifications')).json()).toMatchObject({ items: [], total: 0 });
    expect((await inspector.post(`/api/notifications/${notice!.id}/read`)).statusCode).toBe(404);
    expect((await coordinator.get('/api/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
  });
});
