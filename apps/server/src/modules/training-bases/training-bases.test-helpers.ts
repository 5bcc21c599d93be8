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

export interface BasesWorld {
  ctx: TestContext;
  coordinator: Client;
  drc: Client;
  vhs: Client;
  vec: Client;
  hrss: Client;
  yitong: Client;
  zhendong: Client;
  units: Record<
    'vhs' | 'vec' | 'yitong' | 'zhendong' | 'jidian' | 'med' | 'hs1' | 'edu' | 'district',
    string
  >;
}

/** The district with the accounts the training-bases tests act as, signed in (today: a Wednesday). */
export async function createBasesWorld(now = '2024-03-06T02:00:00Z'): Promise<BasesWorld> {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const users = {
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    drc: await createUser(ctx, 'unit_clerk', 'SD-DRC'),
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
      jidian: await unit('SX-JIDIAN'),
      med: await unit('CZ-MED'),
      hs1: await unit('SD-HS1'),
      edu: await unit('SD-EDU'),
      district: await unit('SD'),
    },
  };
}

/** A high-level base of 易通集团 in operation since 2023, with 区职业高中 as partner. */
export const highLevelBody = (w: BasesWorld, over: Record<string, unknown> = {}) => ({
  name: '易通集团新能源汽车高水平专业化实训基地',
  kind: 'high_level',
  ownerId: w.units.yitong,
  partnerIds: [w.units.vhs],
  majors: ['新能源汽车运用与维修'],
  capacity: 20,
  location: '易通集团 实训楼',
  status: 'operating',
  plannedOn: '2022-01-10',
  constructionStartedOn: '2022-03-01',
  operatingSince: '2023-09-01',
  equipment: [{ name: '整车实训台', quantity: 2, unitValue: 300000 }],
  documentIds: [],
  ...over,
});

export const sessionBody = (over: Record<string, unknown> = {}) => ({
  date: '2024-03-12',
  startTime: '09:00',
  hours: 2,
  groupSize: 10,
  purpose: 'teaching',
  topic: '动力电池拆装',
  ...over,
});

/** Uploads a small PDF as the client's account; its id. */
export async function uploadPdf(client: Client, name: string): Promise<string> {
  const res = await client.request({
    method: 'POST',
    url: '/api/files',
    ...multipartFile(name, tinyPdf(['Zhijiao test file', name]), 'application/pdf'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
