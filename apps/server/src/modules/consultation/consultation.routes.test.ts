import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHANGDANG_VERSION } from '../../test/shangdang-plan.ts';
import {
  createTestContext,
  createUser,
  login,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { solveChallenge } from './challenge.ts';
import { seedDraftPlan, signInCoordinator } from './consultation.test-helpers.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;

describe('consultation over HTTP: a public comment from the portal to its reply', () => {
  let ctx: TestContext;
  let editor: Client;
  let id: string;
  let draft: string;

  const challenge = async () => {
    const c = (
      await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${id}/challenge` })
    ).json() as {
      token: string;
      nonce: string;
      difficulty: number;
    };
    return { token: c.token, counter: solveChallenge(c.nonce, c.difficulty) };
  };
  const postComment = async (
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
    ip = '203.0.113.9',
  ) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/public/consultations/${id}/comments`,
      headers: { origin: 'http://localhost', host: 'localhost', ...headers },
      remoteAddress: ip,
      payload: {
        clauseKey: 'task-3',
        body: '建议细化职普比的统计口径。',
        ...payload,
        challenge: payload.challenge ?? (await challenge()),
      },
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ draft } = await seedDraftPlan(ctx));
    editor = (await signInCoordinator(ctx)).client;
  });
  afterAll(() => ctx?.close());

  it('keeps editor routes from the public (401) and from roles without consultation.manage (403)', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/consultations' })).statusCode).toBe(401);
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    const res = await clerk.get('/api/consultations');
    expect(res.statusCode).toBe(403);
  });

  it('lets the coordinator list draft versions, prepare and open a consultation', async () => {
    const candidates = (await editor.get('/api/consultations/plan-versions')).json() as {
      items: Array<{ id: string }>;
    };
    expect(candidates.items.map((c) => c.id)).toEqual([draft]);
    const created = await editor.post('/api/consultations', {
      planId: draft,
      closesAt: '2021-06-20T00:00:00Z',
    });
    expect(created.statusCode).toBe(201);
    id = (created.json() as { id: string }).id;
    expect((await editor.post(`/api/consultations/${id}/opening`)).statusCode).toBe(200);
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/public/consultations' })).json() as {
      items: Array<{ id: string; acceptingComments: boolean }>;
    };
    expect(list.items).toEqual([expect.objectContaining({ id, acceptingComments: true })]);
  });

  it('refuses a cross-site comment POST (403 AUTH_CSRF) and accepts a same-origin one (201)', async () => {
    const cross = await postComment({}, { origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(codeOf(cross)).toBe('AUTH_CSRF');
    const ok = await postComment({ authorName: '张三', contact: 'zhangsan@example.com' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ seq: 1, status: 'pending' });
  });

  it('refuses unknown fields and a bad clause key by schema (400)', async () => {
    const res = await postComment({ clauseKey: 'drop table' });
    expect(res.statusCode).toBe(400);
    expect((await postComment({ extra: 1 })).statusCode).toBe(400);
  });

  it('answers 429 RATE_LIMITED after 5 comments from one address in 10 minutes', async () => {
    for (let i = 0; i < 5; i++)
      expect((await postComment({ body: `第${i}条` }, {}, '198.51.100.20')).statusCode).toBe(201);
    const limited = await postComment({}, {}, '198.51.100.20');
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
  });

  it('moderates and replies; the portal shows the reply and never the contact', async () => {
    const detail = (await editor.get(`/api/consultations/${id}`)).json() as {
      comments: Array<{ id: string; seq: number; contact: string | null }>;
    };
    const first = detail.comments.find((c) => c.seq === 1)!;
    expect(first.contact).toBe('z***@example.com');
    expect(
      (await editor.post(`/api/consultation-comments/${first.id}/moderation`, { action: 'publish' }))
        .statusCode,
    ).toBe(200);
    const reply = await editor.put(`/api/consultation-comments/${first.id}/reply`, {
      reply: '已在修订稿中明确统计口径。',
      decision: 'adopted',
    });
    expect(reply.statusCode).toBe(200);
    const pub = await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${id}` });
    const body = pub.json() as { comments: Array<{ seq: number; reply: string; authorName: string }> };
    expect(body.comments).toEqual([
      expect.objectContaining({ seq: 1, reply: '已在修订稿中明确统计口径。', authorName: '张三' }),
    ]);
    expect(pub.body).not.toContain('zhangsan');
    expect(pub.body).not.toContain('contact');
  });

  it('refuses to answer a pending comment with 409 and a code', async () => {
    const detail = (await editor.get(`/api/consultations/${id}`)).json() as {
      comments: Array<{ id: string; status: string }>;
    };
    const pending = detail.comments.find((c) => c.status === 'pending')!;
    const res = await editor.put(`/api/consultation-comments/${pending.id}/reply`, {
      reply: '答复',
      decision: 'adopted',
    });
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('CONSULTATION_COMMENT_NOT_PUBLISHED');
  });

  it('refuses a comment after the period with 409 CONSULTATION_PERIOD_CLOSED, closes, and serves the summary', async () => {
    const token = await challenge();
    ctx.clock.set('2021-06-20T00:00:00Z');
    const late = await postComment({ challenge: token });
    expect(late.statusCode).toBe(409);
    expect(codeOf(late)).toBe('CONSULTATION_PERIOD_CLOSED');
    // A month later the editor's session has expired: sign in again.
    editor = (await signInCoordinator(ctx)).client;
    // Not closed yet: the summary and its files answer a clear 409 naming the period's last day.
    // A period ending at midnight China time (16:00 UTC) last ran on that day, not the next.
    const setClosesAt = (closesAt: Date) =>
      ctx.db.updateTable('consultation').set({ closesAt }).where('id', '=', id).execute();
    const { closesAt } = await ctx.db
      .selectFrom('consultation')
      .select('closesAt')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await setClosesAt(new Date('2021-06-19T16:00:00Z'));
    const closesOn = '2021-06-19';
    for (const url of ['summary', 'summary.pdf', 'summary.docx']) {
      const early = await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${id}/${url}` });
      const error = (early.json() as { error: { code: string; details: Array<{ message: string }> } }).error;
      expect([early.statusCode, error.code]).toEqual([409, 'CONSULTATION_SUMMARY_NOT_PUBLISHED']);
      expect(error.details[0]!.message).toContain(closesOn);
    }
    await setClosesAt(closesAt);
    const detail = (await editor.get(`/api/consultations/${id}`)).json() as {
      comments: Array<{ id: string; status: string }>;
    };
    for (const c of detail.comments.filter((x) => x.status === 'pending')) {
      await editor.post(`/api/consultation-comments/${c.id}/moderation`, {
        action: 'reject',
        reason: '重复提交',
      });
    }
    expect((await editor.post(`/api/consultations/${id}/closing`)).statusCode).toBe(200);
    const summary = await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${id}/summary` });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('采纳1条');
    expect(summary.body).not.toMatch(/张三|zhangsan|重复提交/);
    const docx = await editor.get(`/api/consultations/${id}/summary.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('attachment');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('creates the revision and shows the diff clause by clause', async () => {
    const detail = (await editor.get(`/api/consultations/${id}`)).json() as {
      clauses: Array<{ key: string; text: string }>;
    };
    const t3 = detail.clauses.find((c) => c.key === 'task-3')!;
    const rev = await editor.post(`/api/consultations/${id}/revision`, {
      edits: [{ key: 'task-3', text: t3.text.replace('大体相当', '大体相当，并明确统计口径') }],
    });
    expect(rev.statusCode).toBe(201);
    const diff = (await editor.get(`/api/consultations/${id}/diff`)).json() as {
      changed: number;
      to: { version: number };
      clauses: Array<{ key: string; status: string }>;
    };
    expect(diff).toMatchObject({ changed: 1, to: { version: SHANGDANG_VERSION + 2 } });
    expect(diff.clauses.find((c) => c.status === 'changed')?.key).toBe('task-3');
  });
});
