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
import { tinyPdf } from './tiny-pdf.ts';

type Res = { statusCode: number; body: string; json(): unknown };

/** The error code of a refused request. */
export const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;
/** Status and error code together, for one assertion. */
export const refusalOf = (res: Res) => [res.statusCode, codeOf(res)];
/** The `details` of a refused request. */
export const detailsOf = (res: Res) =>
  ((res.json() as { error: { details?: unknown } }).error.details ?? []) as Array<{
    field: string;
    code: string;
  }>;

/** The Shangdang district with the accounts the programs tests act as. */
export interface ProgramsWorld {
  ctx: TestContext;
  /** 区教育局 coordinator: reads everything, reviews. */
  coordinator: Client;
  /** A second reviewer of the district. */
  reviewer2: Client;
  /** Clerks of 区职业高中 and 区职教中心 (program.manage for their school). */
  vhs: Client;
  vec: Client;
  /** A bureau clerk (区人社局): program.read, nothing of the schools visible. */
  hrss: Client;
  viewer: Client;
  units: { vhs: string; vec: string; edu: string; hrss: string; district: string };
  users: { coordinator: string; vhs: string };
  /** Moves the clock on by `days` and signs everyone in again (idle sessions expire meanwhile). */
  travel(days: number): Promise<void>;
}

export async function createProgramsWorld(opts: { now?: string } = {}): Promise<ProgramsWorld> {
  const ctx = await createTestContext(opts);
  await seedShangdang(ctx);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const names = {
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    reviewer2: await createUser(ctx, 'coordinator', 'SD-EDU'),
    vhs: await createUser(ctx, 'unit_clerk', 'SD-VHS'),
    vec: await createUser(ctx, 'unit_clerk', 'SD-VEC'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
    viewer: await createUser(ctx, 'viewer', 'SD-EDU'),
  };
  const signIn = async () => {
    const out = {} as Record<keyof typeof names, Client>;
    for (const [key, user] of Object.entries(names))
      out[key as keyof typeof names] = await login(ctx, user.username);
    return out;
  };
  const world: ProgramsWorld = {
    ctx,
    ...(await signIn()),
    units: {
      vhs: await unit('SD-VHS'),
      vec: await unit('SD-VEC'),
      edu: await unit('SD-EDU'),
      hrss: await unit('SD-HRSS'),
      district: await unit('SD'),
    },
    users: { coordinator: names.coordinator.id, vhs: names.vhs.id },
    async travel(days) {
      ctx.clock.advance(days * 86_400_000);
      Object.assign(world, await signIn());
    },
  };
  return world;
}

/** Uploads a small real PDF as `client`'s unit and returns the file id. */
export async function uploadPdf(client: Client, name: string): Promise<string> {
  const res = await client.request({
    method: 'POST',
    url: '/api/files',
    ...multipartFile(name, tinyPdf(['Zhijiao test file', name]), 'application/pdf'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** Opens a major at the client's school; returns its id. */
export async function openMajor(client: Client, catalogueCode: string, direction = ''): Promise<string> {
  const res = await client.post('/api/majors', { catalogueCode, direction, status: 'active' });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { major: { id: string } }).major.id;
}

/** Adds a course (under a major) at the client's school; returns its id. */
export async function addCourse(client: Client, name: string, majorId: string | null): Promise<string> {
  const res = await client.post('/api/courses', { name, majorId, category: 'professional', hours: 72 });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { course: { id: string } }).course.id;
}

/** Audit rows of one object, oldest first. */
export function auditOf(ctx: TestContext, objectId: string) {
  return ctx.db
    .selectFrom('auditLog')
    .select(['action', 'actorName', 'result', 'details'])
    .where('objectId', '=', objectId)
    .orderBy('seq')
    .execute();
}

/** DELETE as a signed-in client. */
export const del = (client: Client, url: string) => client.request({ method: 'DELETE', url });
