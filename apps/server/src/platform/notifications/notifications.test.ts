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
import type { Notice } from './notification-publisher.ts';
import { unitIdOf } from './notifications.test-helpers.ts';

type Page = {
  items: Array<{
    id: string;
    kind: string;
    title: { zh: string; en: string };
    link: string;
    readAt: string | null;
  }>;
  total: number;
  unread: number;
};

describe('notifications (消息中心): who sees them, unread counts, marking read', () => {
  let ctx: TestContext;
  let hrssA: Client;
  let hrssB: Client;
  let fin: Client;
  let coordinator: Client;
  let hrssAUserId: string;
  let hrssId: string;
  let finId: string;
  let eduId: string;

  /** Publishes a notice to `unitId` in its own transaction, as a module does with its change. */
  const publish = async (unitId: string, over: Partial<Notice> = {}) => {
    const id = randomUUID();
    await ctx.db.transaction().execute((trx) =>
      ctx.services.notifications.publish(trx, {
        unitId,
        kind: 'test_record.decided',
        title: { zh: `测试通知${id.slice(0, 4)}`, en: `Test notice ${id.slice(0, 4)}` },
        link: `/test/${id}`,
        object: { type: 'test_record', id },
        ...over,
      }),
    );
    ctx.clock.advance(60_000);
    return id;
  };
  const pageOf = async (client: Client, query = '') => {
    const res = await client.get(`/api/notifications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const unread = async (client: Client) =>
    ((await client.get('/api/notifications/unread-count')).json() as { unread: number }).unread;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const a = await createUser(ctx, 'unit_clerk', 'SD-HRSS');
    hrssAUserId = a.id;
    hrssA = await login(ctx, a.username);
    hrssB = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    fin = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrssId = await unitIdOf(ctx, 'SD-HRSS');
    finId = await unitIdOf(ctx, 'SD-FIN');
    eduId = await unitIdOf(ctx, 'SD-EDU');
  });
  afterAll(() => ctx?.close());

  it('shows a unit’s notifications to its own accounts only, newest first, with the unread count', async () => {
    const first = await publish(hrssId);
    const second = await publish(hrssId);
    await publish(finId);
    const page = await pageOf(hrssA);
    expect(page.items.map((n) => n.link)).toEqual([`/test/${second}`, `/test/${first}`]);
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.items[0]).toMatchObject({ kind: 'test_record.decided', readAt: null });
    expect(await unread(hrssB)).toBe(2);
    expect((await pageOf(fin)).items).toHaveLength(1);
    // The bureau's scope holds other units' records; their notifications stay theirs.
    expect(await pageOf(coordinator)).toMatchObject({ items: [], total: 0, unread: 0 });
    const foreign = (await pageOf(fin)).items[0]!.id;
    expect((await hrssA.post(`/api/notifications/${foreign}/read`)).statusCode).toBe(404);
    expect((await coordinator.post(`/api/notifications/${foreign}/read`)).statusCode).toBe(404);
    expect(await unread(fin)).toBe(1);
  });

  it('keeps reads per account: one colleague reading leaves it unread for the other', async () => {
    const [latest] = (await pageOf(hrssA)).items;
    const read = await hrssA.post(`/api/notifications/${latest!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ unread: 1 });
    expect((await hrssA.post(`/api/notifications/${latest!.id}/read`)).json()).toEqual({ unread: 1 });
    expect((await pageOf(hrssA)).items[0]!.readAt).not.toBeNull();
    expect(await unread(hrssB)).toBe(2);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('objectId', '=', latest!.id)
      .execute();
    expect(audit).toEqual([{ action: 'notification.read', actorId: hrssAUserId }]);
  });

  it('marks all read for the account only (全部标为已读)', async () => {
    const all = await hrssB.post('/api/notifications/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
    expect((await hrssB.post('/api/notifications/read-all')).json()).toEqual({ marked: 0, unread: 0 });
    expect(await unread(hrssA)).toBe(1);
    expect(await unread(fin)).toBe(1);
  });

  it('shows a notification to one account only to that account', async () => {
    await publish(hrssId, { userId: hrssAUserId });
    expect(await unread(hrssA)).toBe(2);
    expect(await unread(hrssB)).toBe(0);
    expect((await pageOf(hrssB)).total).toBe(2);
  });

  it('notifies nobody when the change’s transaction rolls back', async () => {
    const before = await unread(coordinator);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await ctx.services.notifications.publish(trx, {
          unitId: eduId,
          kind: 'test_record.decided',
          title: { zh: '不会送达', en: 'Never delivered' },
          link: '/test/x',
          object: { type: 'test_record', id: randomUUID() },
        });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await unread(coordinator)).toBe(before);
  });

  it('pages the list and refuses bad paging and ids with 400', async () => {
    for (let i = 0; i < 3; i++) await publish(finId);
    const first = await pageOf(fin, '?limit=2');
    const rest = await pageOf(fin, '?limit=2&offset=2');
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(2);
    expect(first.total).toBe(4);
    expect(new Set([...first.items, ...rest.items].map((n) => n.id)).size).toBe(4);
    expect((await fin.get('/api/notifications?limit=0')).statusCode).toBe(400);
    expect((await fin.get('/api/notifications?limit=101')).statusCode).toBe(400);
    expect((await fin.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(
      401,
    );
  });
});
