import { expect } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { tinyPdf } from '../programs/index.ts';

type Res = { statusCode: number; body: string; json(): unknown };

export const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;
export const detailsOf = (res: Res) =>
  ((res.json() as { error: { details?: unknown } }).error.details ?? []) as Array<{
    field: string;
    code: string;
    message: string;
    messageEn: string;
  }>;

/** The district with the accounts cooperation tests act as, signed in (clock 2021-05-20 by default). */
export interface CooperationWorld {
  ctx: TestContext;
  coordinator: Client;
  vhs: Client;
  vec: Client;
  hrss: Client;
  yitong: Client;
  zhendong: Client;
  units: Record<'vhs' | 'vec' | 'yitong' | 'zhendong' | 'district' | 'hrss', string>;
}

export async function createCooperationWorld(now?: string): Promise<CooperationWorld> {
  const ctx = await createTestContext(now ? { now } : {});
  await seedShangdang(ctx);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const users = {
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    vhs: await createUser(ctx, 'unit_clerk', 'SD-VHS'),
    vec: await createUser(ctx, 'unit_clerk', 'SD-VEC'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
    yitong: await createUser(ctx, 'unit_clerk', 'SD-YITONG'),
    zhendong: await createUser(ctx, 'unit_clerk', 'SD-ZHENDONG'),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [key, user] of Object.entries(users))
    clients[key as keyof typeof users] = await login(ctx, user.username);
  return {
    ctx,
    ...clients,
    units: {
      vhs: await unit('SD-VHS'),
      vec: await unit('SD-VEC'),
      yitong: await unit('SD-YITONG'),
      zhendong: await unit('SD-ZHENDONG'),
      district: await unit('SD'),
      hrss: await unit('SD-HRSS'),
    },
  };
}

/** Uploads a small real PDF as the client; returns the file id. */
export async function uploadPdf(client: Client, name: string): Promise<string> {
  const res = await client.request({
    method: 'POST',
    url: '/api/files',
    ...multipartFile(name, tinyPdf(['Zhijiao test file', name]), 'application/pdf'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** An agreement body of 区职教中心 with an enterprise (2020-09 to 2023-08, apprenticeships in scope). */
export const agreementBody = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  enterpriseId,
  title: '区职教中心—振东集团校企合作协议',
  startsOn: '2020-09-01',
  endsOn: '2023-08-31',
  scopes: ['internship_training', 'modern_apprenticeship', 'staff_training'],
  summary: '共建药剂专业，开展现代学徒制试点',
  agreementFileId: null,
  signedOn: null,
  ...over,
});

/** Records an agreement as the school client; returns its id. */
export async function createAgreement(
  client: Client,
  enterpriseId: string,
  over: Record<string, unknown> = {},
) {
  const res = await client.post('/api/cooperation-agreements', agreementBody(enterpriseId, over));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { agreement: { id: string } }).agreement.id;
}

/** A complete modern-apprenticeship body under an agreement (2020-09 to 2022-07), plan file given. */
export const apprenticeshipBody = (
  agreementId: string,
  planFileId: string | null,
  over: Record<string, unknown> = {},
) => ({
  agreementId,
  scheme: 'modern',
  title: '2020级药剂专业现代学徒制试点班',
  occupation: '药剂',
  startsOn: '2020-09-01',
  endsOn: '2022-07-15',
  apprenticeCount: 30,
  schoolMentors: ['李红梅'],
  enterpriseMentors: ['张振华'],
  planSummary: '第一学年校内学习，第二学年起工学交替',
  planFileId,
  stages: [
    { title: '校内专业基础学习', plannedEndOn: '2021-01-15' },
    { title: '企业岗位培养', plannedEndOn: '2022-07-10' },
  ],
  ...over,
});
