import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { actorOf, sourceAlerts } from '../../test/alert-actors.ts';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import { comment, seedDraftPlan } from './consultation.test-helpers.ts';

/** 08:00 on 20 June in China: the period's last day is 20 June. */
const CLOSES = '2021-06-20T00:00:00Z';

describe('consultation alerts: comments waiting for moderation or a reply as the period ends', () => {
  let ctx: TestContext;
  let editor: Actor;
  let clerk: Actor;
  let viewer: Actor;
  let id: string;
  const svc = () => ctx.services.consultation.consultations;
  const alerts = (actor: Actor, today: string, lang: 'zh' | 'en' = 'zh') =>
    sourceAlerts(ctx, 'consultation', actor, today, lang);
  const commentIds = async () =>
    (
      await ctx.db
        .selectFrom('consultationComment')
        .select('id')
        .where('consultationId', '=', id)
        .orderBy('seq')
        .execute()
    ).map((c) => c.id);

  beforeAll(async () => {
    ctx = await createTestContext();
    const plans = await seedDraftPlan(ctx);
    editor = await actorOf(ctx, 'coordinator', 'SD-EDU');
    clerk = await actorOf(ctx, 'unit_clerk', 'SD-JHS1');
    viewer = await actorOf(ctx, 'viewer', 'SD-EDU');
    ({ id } = await svc().createConsultation(editor, { planId: plans.draft, closesAt: CLOSES }));
    await svc().openConsultation(editor, id);
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) await comment(ctx, id, {}, ip);
  });
  afterAll(() => ctx?.close());

  it('says nothing while more than 7 days of the period remain', async () => {
    expect(await alerts(editor, '2021-06-12')).toEqual([]);
  });

  it('reminds the editors in blue from 7 days before the end, with both counts, in either language', async () => {
    const [a, ...rest] = await alerts(editor, '2021-06-14');
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      id: `consultation:${id}`,
      kind: 'comments_backlog_due',
      tier: 'blue',
      dueDate: '2021-06-20',
      daysLate: -6,
      link: `/consultations/${id}`,
      unit: { code: 'SD' },
    });
    expect(a!.message).toBe('征求意见期将于 2021-06-20 结束（剩 6 天），尚有 3 条意见待审核');
    const [en] = await alerts(editor, '2021-06-14', 'en');
    expect(en!.message).toBe(
      'The comment period ends on 2021-06-20 (6 days left); 3 comments await moderation',
    );
  });

  it('shows it to no one but the editors: not a school clerk, not a read-only viewer', async () => {
    expect(await alerts(clerk, '2021-06-14')).toEqual([]);
    expect(await alerts(viewer, '2021-06-14')).toEqual([]);
  });

  it('counts published comments without a reply, and turns yellow, then red, after the end', async () => {
    const [first, second, third] = await commentIds();
    await svc().moderateComment(editor, first!, { action: 'publish' });
    await svc().moderateComment(editor, second!, { action: 'publish' });
    await svc().moderateComment(editor, third!, { action: 'reject', reason: '与本条款无关' });
    await svc().replyToComment(editor, first!, { reply: '已采纳。', decision: 'adopted' });
    const [late] = await alerts(editor, '2021-06-25');
    expect(late).toMatchObject({ kind: 'comments_backlog_overdue', tier: 'yellow', daysLate: 5 });
    expect(late!.message).toBe('征求意见期已于 2021-06-20 结束（已过 5 天），仍有 1 条已公开意见待答复');
    expect((await alerts(editor, '2021-07-21')).map((a) => [a.tier, a.daysLate])).toEqual([['red', 31]]);
  });

  it('stops once every comment is answered or rejected (closing needs that too)', async () => {
    const [, second] = await commentIds();
    await svc().replyToComment(editor, second!, {
      reply: '部分采纳。',
      decision: 'partly_adopted',
      reason: '时间节点已写入任务三。',
    });
    expect(await alerts(editor, '2021-06-25')).toEqual([]);
    await comment(ctx, id, {}, '203.0.113.4');
    expect(await alerts(editor, '2021-06-25')).toHaveLength(1);
    const fourth = (await commentIds())[3]!;
    await svc().moderateComment(editor, fourth, { action: 'reject', reason: '重复意见' });
    expect(await alerts(editor, '2021-06-25')).toEqual([]);
  });
});
