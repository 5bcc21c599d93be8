import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { SHANGDANG_VERSION } from '../../test/shangdang-plan.ts';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import { comment, seedDraftPlan, signInCoordinator, solvedChallenge } from './consultation.test-helpers.ts';

const CLOSES = '2021-06-20T00:00:00Z';

describe('consultation workflow (services on a real database)', () => {
  let ctx: TestContext;
  let plans: { published: string; draft: string };
  let editor: Actor;
  let id: string;
  const svc = () => ctx.services.consultation.consultations;
  const pub = () => ctx.services.consultation.publicComments;
  const commentsOf = () =>
    ctx.db
      .selectFrom('consultationComment')
      .selectAll()
      .where('consultationId', '=', id)
      .orderBy('seq')
      .execute();
  const auditActions = async () =>
    (
      await ctx.db.selectFrom('auditLog').select('action').where('action', 'like', 'consultation.%').execute()
    ).map((r) => r.action);

  beforeAll(async () => {
    ctx = await createTestContext();
    plans = await seedDraftPlan(ctx);
    editor = (await signInCoordinator(ctx)).actor;
  });
  afterAll(() => ctx?.close());

  it('keeps the published version current when a draft of the next version is imported', async () => {
    const rows = await ctx.db
      .selectFrom('plan')
      .select(['version', 'status', 'isCurrent'])
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { version: SHANGDANG_VERSION, status: 'published', isCurrent: true },
      { version: SHANGDANG_VERSION + 1, status: 'draft', isCurrent: false },
    ]);
  });

  it('refuses a consultation on a published version, or with a period that has already ended', async () => {
    await expect(
      svc().createConsultation(editor, { planId: plans.published, closesAt: CLOSES }),
    ).rejects.toMatchObject({
      code: 'CONSULTATION_PLAN_NOT_DRAFT',
      status: 409,
    });
    await expect(
      svc().createConsultation(editor, { planId: plans.draft, closesAt: '2021-05-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'CONSULTATION_INVALID_PERIOD', status: 400 });
  });

  it('prepares a consultation on the draft, one per version, invisible to the public until opened', async () => {
    ({ id } = await svc().createConsultation(editor, { planId: plans.draft, closesAt: CLOSES }));
    await expect(
      svc().createConsultation(editor, { planId: plans.draft, closesAt: CLOSES }),
    ).rejects.toMatchObject({
      code: 'CONSULTATION_EXISTS',
    });
    await expect(pub().getPublicConsultation(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(pub().getChallenge(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await pub().listPublicConsultations()).toEqual([]);
  });

  it('opens it once; opening again is an illegal transition', async () => {
    await svc().openConsultation(editor, id);
    await expect(svc().openConsultation(editor, id)).rejects.toMatchObject({
      code: 'CONSULTATION_INVALID_TRANSITION',
      status: 409,
    });
    const detail = await pub().getPublicConsultation(id);
    expect(detail.acceptingComments).toBe(true);
    expect(detail.clauses.map((c) => c.key).slice(0, 3)).toEqual(['preamble', 'section-1', 'task-1']);
    expect(detail.clauses.filter((c) => c.kind === 'task')).toHaveLength(21);
  });

  it('accepts a public comment as pending, encrypts the contact and audits it with the client IP', async () => {
    const res = await comment(ctx, id, { authorName: '王老师', contact: '+86 138 0013 8000' });
    expect(res).toMatchObject({ seq: 1, status: 'pending' });
    const [row] = await commentsOf();
    expect(row?.contactKind).toBe('mobile');
    expect(row?.contactCipher).not.toContain('13800138000');
    expect((await pub().getPublicConsultation(id)).comments).toEqual([]);
    const editorView = await svc().getConsultation(editor, id);
    expect(editorView.comments[0]).toMatchObject({
      contact: '138****8000',
      authorName: '王老师',
      status: 'pending',
    });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['actorName', 'ip'])
      .where('action', '=', 'consultation.comment.submit')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actorName: 'public', ip: '203.0.113.7' });
  });

  it('refuses spam: honeypot, unknown clause, reused, forged or expired challenge, bad content or contact', async () => {
    const base = { clauseKey: 'task-3', body: '意见', authorName: null, contact: null };
    const submit = async (over: Record<string, unknown>, challenge?: { token: string; counter: number }) =>
      pub()
        .submitComment(
          id,
          { ...base, ...over, challenge: challenge ?? (await solvedChallenge(ctx, id)) },
          { ip: '198.51.100.1' },
        )
        .catch((e: { code: string; status: number; details?: unknown }) => e);
    expect(await submit({ website: 'http://spam.example' })).toMatchObject({
      code: 'CONSULTATION_SPAM',
      status: 400,
    });
    expect(await submit({ clauseKey: 'task-99' })).toMatchObject({ code: 'CONSULTATION_UNKNOWN_CLAUSE' });
    expect(await submit({ body: '含有\u0000控制字符' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await submit({ body: '长'.repeat(2001) })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badContact = (await submit({ contact: '12345' })) as { details: Array<{ field: string }> };
    expect(badContact.details.map((d) => d.field)).toEqual(['contact']);
    const once = await solvedChallenge(ctx, id);
    await submit({}, once);
    expect(await submit({}, once)).toMatchObject({ code: 'CONSULTATION_CHALLENGE_USED', status: 409 });
    const fresh = await solvedChallenge(ctx, id);
    const forged = { token: fresh.token.replace(/\.\d+\./, '.1.'), counter: 0 };
    expect(await submit({}, forged)).toMatchObject({ code: 'CONSULTATION_CHALLENGE_INVALID' });
    expect(await submit({}, { ...fresh, counter: fresh.counter + 1 })).toMatchObject({
      code: 'CONSULTATION_CHALLENGE_INVALID',
    });
    const stale = await solvedChallenge(ctx, id);
    ctx.clock.advance(11 * 60_000);
    expect(await submit({}, stale)).toMatchObject({ code: 'CONSULTATION_CHALLENGE_EXPIRED' });
    expect(await commentsOf()).toHaveLength(2);
  });

  it('limits each client to 5 comments in 10 minutes, with RATE_LIMITED (429)', async () => {
    const ip = '192.0.2.50';
    for (let i = 0; i < 5; i++) await comment(ctx, id, { body: `第${i}条` }, ip);
    await expect(comment(ctx, id, { body: '第六条' }, ip)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });
    await comment(ctx, id, { body: '另一个来源' }, '192.0.2.51');
    ctx.clock.advance(10 * 60_000 + 1);
    await comment(ctx, id, { body: '十分钟后' }, ip);
  });

  it('moderates once, requires a reason to reject, and answers only published comments', async () => {
    const rows = await commentsOf();
    const [first, second, third] = rows;
    await svc().moderateComment(editor, first!.id, { action: 'publish' });
    await expect(
      svc().moderateComment(editor, first!.id, { action: 'reject', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'CONSULTATION_COMMENT_MODERATED',
      status: 409,
    });
    await expect(svc().moderateComment(editor, second!.id, { action: 'reject' })).rejects.toMatchObject({
      code: 'CONSULTATION_REASON_REQUIRED',
    });
    await svc().moderateComment(editor, second!.id, { action: 'reject', reason: '与计划无关' });
    const reply = { reply: '已在修订稿中明确。', decision: 'adopted' as const };
    await expect(svc().replyToComment(editor, third!.id, reply)).rejects.toMatchObject({
      code: 'CONSULTATION_COMMENT_NOT_PUBLISHED',
      status: 409,
    });
    await expect(svc().replyToComment(editor, second!.id, reply)).rejects.toMatchObject({
      code: 'CONSULTATION_COMMENT_NOT_PUBLISHED',
    });
    await expect(
      svc().replyToComment(editor, first!.id, { reply: '暂不采纳', decision: 'not_adopted' }),
    ).rejects.toMatchObject({ code: 'CONSULTATION_REASON_REQUIRED' });
    await svc().replyToComment(editor, first!.id, reply);
    const publicView = await pub().getPublicConsultation(id);
    expect(publicView.comments).toEqual([
      expect.objectContaining({
        seq: 1,
        authorName: '王老师',
        reply: '已在修订稿中明确。',
        decision: 'adopted',
      }),
    ]);
    expect(JSON.stringify(publicView)).not.toMatch(/138|与计划无关/);
  });

  it('moderates several pending comments at once, all or nothing, naming each comment it refuses', async () => {
    const rows = await commentsOf();
    const moderated = rows.find((r) => r.status !== 'pending')!;
    const [p0, p1, p2] = rows.filter((r) => r.status === 'pending');
    const batch = (commentIds: string[], action: 'publish' | 'reject', reason?: string) =>
      svc().moderateComments(editor, id, { commentIds, action, ...(reason ? { reason } : {}) });

    const refused = (await batch(
      [p0!.id, moderated.id, '00000000-0000-4000-8000-000000000000'],
      'publish',
    ).catch((e: unknown) => e)) as { code: string; status: number; details: unknown };
    expect(refused).toMatchObject({ code: 'CONSULTATION_BATCH_REFUSED', status: 409 });
    expect(refused.details).toEqual([
      expect.objectContaining({ field: 'commentIds[1]', code: 'CONSULTATION_COMMENT_MODERATED' }),
      expect.objectContaining({
        field: 'commentIds[2]',
        code: 'NOT_FOUND',
        message: '该意见不存在或不属于本次征求意见',
      }),
    ]);
    await expect(batch([p0!.id, p1!.id], 'reject')).rejects.toMatchObject({
      code: 'CONSULTATION_REASON_REQUIRED',
      status: 400,
    });
    // Nothing was written by a refused batch.
    expect((await commentsOf()).filter((r) => [p0!.id, p1!.id].includes(r.id)).map((r) => r.status)).toEqual([
      'pending',
      'pending',
    ]);

    expect(await batch([p0!.id, p1!.id, p0!.id], 'reject', '与本计划无关')).toEqual({ moderated: 2 });
    const after = await commentsOf();
    expect(
      after.filter((r) => [p0!.id, p1!.id].includes(r.id)).map((r) => [r.status, r.rejectReason]),
    ).toEqual([
      ['rejected', '与本计划无关'],
      ['rejected', '与本计划无关'],
    ]);
    expect(after.find((r) => r.id === p2!.id)!.status).toBe('pending');
    const rejectRows = await ctx.db
      .selectFrom('auditLog')
      .select('objectId')
      .where('action', '=', 'consultation.comment.reject')
      .where('objectId', 'in', [p0!.id, p1!.id])
      .execute();
    expect(rejectRows).toHaveLength(2);
  });

  it('refuses to close before the period ends, then while comments are unmoderated or unanswered', async () => {
    await expect(svc().closeConsultation(editor, id)).rejects.toMatchObject({
      code: 'CONSULTATION_PERIOD_NOT_ENDED',
      status: 409,
    });
    ctx.clock.set(CLOSES);
    const err = (await svc()
      .closeConsultation(editor, id)
      .catch((e: unknown) => e)) as { code: string; details: { pending: number[]; unanswered: number[] } };
    expect(err).toMatchObject({ code: 'CONSULTATION_UNANSWERED_COMMENTS' });
    expect(err.details.pending.length).toBeGreaterThan(0);
  });

  it('refuses a comment after the period closed with 409 CONSULTATION_PERIOD_CLOSED', async () => {
    await expect(pub().getChallenge(id)).rejects.toMatchObject({
      code: 'CONSULTATION_PERIOD_CLOSED',
      status: 409,
    });
  });

  it('closes once everything is answered; nothing changes after, and each step left an audit row', async () => {
    const rows = await commentsOf();
    for (const row of rows.filter((r) => r.status === 'pending')) {
      await svc().moderateComment(editor, row.id, { action: 'publish' });
      await svc().replyToComment(editor, row.id, {
        reply: '感谢意见。',
        decision: 'partly_adopted',
        reason: '部分已有安排',
      });
    }
    await svc().closeConsultation(editor, id);
    await expect(svc().closeConsultation(editor, id)).rejects.toMatchObject({ code: 'CONSULTATION_CLOSED' });
    await expect(
      svc().replyToComment(editor, rows[0]!.id, { reply: '改', decision: 'adopted' }),
    ).rejects.toMatchObject({ code: 'CONSULTATION_CLOSED', status: 409 });
    const actions = await auditActions();
    for (const a of [
      'create',
      'open',
      'comment.submit',
      'comment.publish',
      'comment.reject',
      'comment.reply',
      'close',
    ]) {
      expect(actions, a).toContain(`consultation.${a}`);
    }
  });

  it('builds the feedback summary without names, contacts or rejected text', async () => {
    const doc = await ctx.services.consultation.documents.getSummary(null, id, 'zh');
    expect(doc.title).toContain('征求意见采纳情况的说明');
    expect(doc.date).toBe('2021-06-20');
    const text = JSON.stringify(doc);
    expect(text).toContain('采纳1条');
    expect(text).not.toMatch(/王老师|138|与计划无关/);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.at(-1)?.[0]).toBe('合计');
  });

  it('creates the revised draft as the next version from edited clauses, keeps the published version current, and diffs clause by clause', async () => {
    const before = (await svc().getConsultation(editor, id)).clauses.find((c) => c.key === 'task-3')!;
    const edited = before.text.replace('统一招生平台', '统一招生平台（2021年底前建成）');
    await expect(
      svc().createRevision(editor, id, [{ key: 'task-3', text: before.text }]),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const rev = await svc().createRevision(editor, id, [{ key: 'task-3', text: edited }]);
    expect(rev).toMatchObject({ version: SHANGDANG_VERSION + 2, changedKeys: ['task-3'] });
    await expect(svc().createRevision(editor, id, [{ key: 'task-3', text: edited }])).rejects.toMatchObject({
      code: 'CONSULTATION_REVISION_EXISTS',
    });
    const current = await ctx.db
      .selectFrom('plan')
      .select(['version', 'status'])
      .where('isCurrent', '=', true)
      .execute();
    expect(current).toEqual([{ version: SHANGDANG_VERSION, status: 'published' }]);
    const diff = await ctx.services.consultation.documents.diff(editor, id);
    expect(diff.changed).toBe(1);
    const changed = diff.clauses.find((c) => c.status === 'changed')!;
    expect(changed.key).toBe('task-3');
    expect(changed.ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['（2021年底前建成）']);
    expect(await auditActions()).toContain('consultation.revise');
  });
});
