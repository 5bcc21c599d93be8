import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  pdfUpload,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { seedLearner } from './credit-bank.test-helpers.ts';

/**
 * The credit bank's routes over HTTP: the happy path of each, the refusals by role (403) and scope
 * (404), validation (400 with the field), evidence served through the outcome, no leaked fields.
 */
describe('credit-bank routes', () => {
  let ctx: TestContext;
  let vhs: Client;
  let vec: Client;
  let coordinator: Client;
  let learnerId: string;
  let outcomeId: string;
  let fileId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    vhs = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    vec = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VEC')).username);
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    learnerId = await seedLearner(ctx, 'SD-VHS', 21);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('keeps the catalogue: the coordinator publishes a version, a school reads it and cannot publish', async () => {
    const body = {
      year: 2021,
      note: '首版',
      entries: [
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'intermediate',
          suggestedCredits: 80,
        },
      ],
    };
    expect((await vhs.post('/api/outcome-catalogues', body)).statusCode).toBe(403);
    const made = await coordinator.post('/api/outcome-catalogues', body);
    expect(made.statusCode, made.body).toBe(201);
    const { catalogue } = made.json() as { catalogue: { id: string; version: number; inForce: boolean } };
    expect(catalogue).toMatchObject({ version: 1, inForce: true });
    expect(catalogue).not.toHaveProperty('districtId');
    expect((await vhs.get(`/api/outcome-catalogues/${catalogue.id}`)).statusCode).toBe(200);
    expect((await vhs.get('/api/outcome-catalogues?year=2021')).json()).toMatchObject({
      items: [{ id: catalogue.id }],
    });
    const bad = await coordinator.post('/api/outcome-catalogues', {
      ...body,
      entries: [{ ...body.entries[0], suggestedCredits: 0 }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('records an outcome with evidence (201); another school 404, the coordinator 403; 400 names the field', async () => {
    const upload = await vhs.request({ method: 'POST', url: '/api/files', ...pdfUpload('证书.pdf') });
    expect(upload.statusCode, upload.body).toBe(201);
    fileId = (upload.json() as { id: string }).id;
    const body = {
      type: 'one_plus_x_certificate',
      title: 'Web 前端开发',
      level: 'intermediate',
      issuer: '工业和信息化部教育与考试中心',
      number: 'HTTP-1',
      achievedOn: '2021-03-01',
      evidenceFileId: fileId,
    };
    expect((await vec.post(`/api/learners/${learnerId}/outcomes`, body)).statusCode).toBe(404);
    expect((await coordinator.post(`/api/learners/${learnerId}/outcomes`, body)).statusCode).toBe(403);
    // Another unit's upload is no evidence of this school's.
    const vecUpload = await vec.request({ method: 'POST', url: '/api/files', ...pdfUpload('别校.pdf') });
    const foreign = await vhs.post(`/api/learners/${learnerId}/outcomes`, {
      ...body,
      evidenceFileId: (vecUpload.json() as { id: string }).id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      error: { details: [{ field: 'evidenceFileId', code: 'FILE_UNKNOWN' }] },
    });
    const missing = await vhs.post(`/api/learners/${learnerId}/outcomes`, { ...body, number: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { details: [{ field: 'number', code: 'REQUIRED' }] } });
    const res = await vhs.post(`/api/learners/${learnerId}/outcomes`, body);
    expect(res.statusCode, res.body).toBe(201);
    const { outcome } = res.json() as { outcome: Record<string, unknown> & { id: string } };
    outcomeId = outcome.id;
    expect(outcome).toMatchObject({
      status: 'pending',
      evidenceFileId: fileId,
      abilities: { recognise: false },
    });
    expect(outcome).not.toHaveProperty('numberKey');
    expect(outcome).not.toHaveProperty('recordedBy');
  });

  it('serves the evidence to whoever sees the outcome, and to no other school', async () => {
    expect((await coordinator.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await vec.get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it('lists the district’s 待认定 queue; the reviewer recognises; the account shows the post; a school may not decide', async () => {
    const queue = await coordinator.get('/api/learning-outcomes?status=pending');
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({
      total: 1,
      items: [{ id: outcomeId, learnerName: '学生21', abilities: { recognise: true } }],
    });
    expect((await vec.get('/api/learning-outcomes')).json()).toMatchObject({ total: 0, items: [] });
    expect((await vhs.post(`/api/learning-outcomes/${outcomeId}/recognition`, {})).statusCode).toBe(403);
    const done = await coordinator.post(`/api/learning-outcomes/${outcomeId}/recognition`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: { status: 'recognised', recognitions: [{ credits: 80 }] } });
    const acc = await vhs.get(`/api/learners/${learnerId}/credit-account`);
    expect(acc.json()).toMatchObject({ account: { balance: 80, entries: [{ kind: 'post', credits: 80 }] } });
    expect((await vec.get(`/api/learners/${learnerId}/credit-account`)).statusCode).toBe(404);
    expect((await vhs.get(`/api/learners/${learnerId}/outcomes`)).json()).toMatchObject({
      items: [{ id: outcomeId, status: 'recognised' }],
    });
  });

  it('revokes with a reason (400 without), reversing the credits', async () => {
    expect(
      (await coordinator.post(`/api/learning-outcomes/${outcomeId}/revocation`, { reason: '' })).statusCode,
    ).toBe(400);
    const res = await coordinator.post(`/api/learning-outcomes/${outcomeId}/revocation`, {
      reason: '证书被注销',
    });
    expect(res.statusCode, res.body).toBe(200);
    const acc = (await coordinator.get(`/api/learners/${learnerId}/credit-account`)).json() as {
      account: { balance: number; entries: Array<{ kind: string; credits: number }> };
    };
    expect(acc.account.balance).toBe(0);
    expect(acc.account.entries.map((e) => [e.kind, e.credits])).toEqual([
      ['post', 80],
      ['reverse', -80],
    ]);
  });

  it('serves the import template', async () => {
    const res = await vhs.get('/api/learning-outcomes/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
  });
});
