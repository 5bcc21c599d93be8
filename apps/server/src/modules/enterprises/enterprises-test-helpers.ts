import ExcelJS from 'exceljs';
import { createUser, login, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';

// The register helpers other modules' tests share live outside the module (they may import only its index.ts).
export { enterpriseBody, nextUscc, registerEnterprise } from '../../test/enterprise-register.ts';

export type Res = { statusCode: number; body: string; json(): unknown };
export const errorOf = (res: Res) =>
  (res.json() as { error: { code: string; details?: Array<Record<string, unknown>> } }).error;

/** The same code with a wrong final check character. */
export function badCheck(uscc: string): string {
  return uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
}

/**
 * The people of an enterprises test: 区工信局's clerk (keeps the register), the coordinator, a
 * viewer, the clerks of 易通集团 and 振东集团, of 区人社局 and of 区职业高中.
 */
export async function enterprisesCast(ctx: TestContext) {
  await seedShangdang(ctx);
  const users = {
    iit: await createUser(ctx, 'unit_clerk', 'SD-IIT'),
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    viewer: await createUser(ctx, 'viewer', 'SD'),
    yitong: await createUser(ctx, 'unit_clerk', 'SD-YITONG'),
    zhendong: await createUser(ctx, 'unit_clerk', 'SD-ZHENDONG'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
    vhs: await createUser(ctx, 'unit_clerk', 'SD-VHS'),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [k, u] of Object.entries(users)) clients[k as keyof typeof users] = await login(ctx, u.username);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return { users, clients, unit };
}

/** Audit actions on an object, in order. */
export async function auditActions(ctx: TestContext, objectId: string) {
  const rows = await ctx.db
    .selectFrom('auditLog')
    .select('action')
    .where('objectId', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

export const IMPORT_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '地址',
  '年度',
  '职工总数',
  '是否规上',
  '营业收入（万元）',
];

/** An .xlsx import file with the template's header and the given rows (cells by header). */
export async function importFile(
  rows: Array<Record<string, string | number | undefined>>,
  headers = IMPORT_HEADERS,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('规上企业名录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
