import { expect } from 'vitest';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
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
export const refusalOf = (res: Res) => [res.statusCode, codeOf(res)];
export const detailsOf = (res: Res) =>
  ((res.json() as { error: { details?: unknown } }).error.details ?? []) as Array<{
    field: string;
    code: string;
    message: string;
    messageEn: string;
  }>;

/** A valid synthetic 居民身份证号 (area 140404) for a birth date; `seq` odd = male. */
export function idNumber(birthDate: string, seq: number): string {
  const body = `140404${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** The district with the accounts internships tests act as, signed in. */
export interface InternshipWorld {
  ctx: TestContext;
  coordinator: Client;
  vhs: Client;
  vec: Client;
  hrss: Client;
  jhs1: Client;
  yitong: Client;
  zhendong: Client;
  units: Record<'vhs' | 'vec' | 'yitong' | 'zhendong' | 'district', string>;
  usernames: Record<WorldAccount, string>;
}

type WorldAccount = 'coordinator' | 'vhs' | 'vec' | 'hrss' | 'jhs1' | 'yitong' | 'zhendong';

/**
 * Moves the world's clock to `now` and signs every account in again (a jump of days outlives the
 * sessions' idle timeout).
 */
export async function moveClock(w: InternshipWorld, now: string): Promise<void> {
  w.ctx.clock.set(now);
  for (const [key, username] of Object.entries(w.usernames))
    w[key as WorldAccount] = await login(w.ctx, username);
}

export async function createInternshipWorld(now = '2024-02-01T02:00:00Z'): Promise<InternshipWorld> {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const users = {
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    vhs: await createUser(ctx, 'unit_clerk', 'SD-VHS'),
    vec: await createUser(ctx, 'unit_clerk', 'SD-VEC'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
    jhs1: await createUser(ctx, 'unit_clerk', 'SD-JHS1'),
    yitong: await createUser(ctx, 'unit_clerk', 'SD-YITONG'),
    zhendong: await createUser(ctx, 'unit_clerk', 'SD-ZHENDONG'),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [key, user] of Object.entries(users))
    clients[key as keyof typeof users] = await login(ctx, user.username);
  return {
    ctx,
    ...clients,
    usernames: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.username])) as Record<
      keyof typeof users,
      string
    >,
    units: {
      vhs: await unit('SD-VHS'),
      vec: await unit('SD-VEC'),
      yitong: await unit('SD-YITONG'),
      zhendong: await unit('SD-ZHENDONG'),
      district: await unit('SD'),
    },
  };
}

/** An ordinary 岗位实习 post body for 2024 (March to August). */
export const postBody = (over: Record<string, unknown> = {}) => ({
  title: '药品生产线岗位实习',
  kind: 'post',
  majors: ['药剂'],
  places: 5,
  year: 2024,
  startsOn: '2024-03-01',
  endsOn: '2024-08-31',
  location: '振东集团 制药基地',
  dailyHours: 8,
  weeklyHours: 40,
  nightWork: false,
  overtimeWork: false,
  holidayWork: false,
  venue: null,
  labourIntensityClass: 2,
  monthlyPay: 2800,
  sameJobMonthlyWage: 3200,
  staffOnPost: 30,
  ...over,
});

/** Publishes a post as the enterprise client; returns its id. */
export async function publishPost(client: Client, over: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post('/api/internship-posts', { ...postBody(over), publish: true });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { post: { id: string } }).post.id;
}

/** Places a student (second year, 17 on 2024-03-01 unless told) as the school client; returns its id. */
export async function placeStudent(client: Client, postId: string, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/internship-placements', {
    postId,
    studentName: '张子涵',
    idNumber: idNumber('2006-09-10', 21),
    major: '药剂',
    studyYear: 2,
    guardianName: '张建国',
    startsOn: '2024-03-01',
    endsOn: '2024-08-31',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { placement: { id: string } }).placement.id;
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

/** Puts every document on file (insurance over `insured`, default the placement's period). */
export async function fileDocuments(
  client: Client,
  id: string,
  insured: { startsOn: string; endsOn: string } = { startsOn: '2024-03-01', endsOn: '2024-08-31' },
) {
  const res = await client.put(`/api/internship-placements/${id}/documents`, {
    agreement: { fileId: await uploadPdf(client, 'agreement.pdf'), signedOn: '2024-02-01' },
    consent: {
      fileId: await uploadPdf(client, 'consent.pdf'),
      studentSignedOn: '2024-02-01',
      guardianSignedOn: '2024-02-01',
    },
    insurance: {
      insurer: '中国人民财产保险',
      policyNumber: `PZBA${id.slice(0, 8)}`,
      ...insured,
      premiumPaidBy: 'school',
      fileId: await uploadPdf(client, 'policy.pdf'),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/**
 * Moves a running placement's end past its policy, as a record kept before 延长实习 checked the
 * insurance may be: written straight to the table, since the use case now refuses it. The
 * insurance-gap alert exists for such records.
 */
export async function extendPastPolicy(ctx: TestContext, id: string, endsOn: string) {
  await ctx.db.updateTable('internshipPlacement').set({ endsOn }).where('id', '=', id).execute();
}
