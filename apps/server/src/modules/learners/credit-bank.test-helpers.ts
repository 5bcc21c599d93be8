import ExcelJS from 'exceljs';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import type { TestContext } from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { insertLearners } from './learners.repository.ts';

/** A valid resident ID number born 2005-01-01, told apart by `seq`. */
export function learnerIdNumber(seq: number): string {
  const body = `14042120050101${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** Puts a learner on a school's register (imported, 在籍) with the ID number of `seq`; answers the id. */
export async function seedLearner(ctx: TestContext, schoolCode: string, seq: number): Promise<string> {
  const units = await unitsByCodes(ctx.db, ['SD', schoolCode]);
  const now = ctx.clock.now();
  const [id] = await insertLearners(ctx.db, [
    {
      schoolId: units.get(schoolCode)!.id,
      districtId: units.get('SD')!.id,
      majorCode: '710205',
      majorName: '计算机应用',
      className: '1班',
      cohortYear: 2020,
      name: `学生${seq}`,
      ...identityColumns(ctx.crypto, learnerIdNumber(seq), '2005-01-01'),
      sex: 'M',
      status: 'enrolled',
      statusSince: '2020-09-01',
      source: 'import',
      enrollmentRegistrationId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  return id!;
}

/** The results file's header, as the template has it. */
export const RESULT_HEADER = [
  '姓名',
  '身份证号',
  '证书名称',
  '证书代码',
  '等级',
  '培训评价组织',
  '证书编号',
  '发证日期',
];

/** A 1+X results .xlsx with the header and these rows. */
export async function resultsWorkbook(rows: Array<Array<string | number | null>>, header = RESULT_HEADER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结果');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
