import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { learnerIdNumber, resultsWorkbook, RESULT_HEADER, seedLearner } from './credit-bank.test-helpers.ts';
import { certificateResultsTemplate, importCertificateResults } from './outcome-import.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';

type Problem = { row: number; field: string; code: string; message: string; messageEn: string };

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; details?: Problem[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, details: e!.details ?? [] };
}

const ISSUER = '北京中车行高新技术有限公司';
const HEADER = [...RESULT_HEADER, '考核结果', '考核日期'];
/** A row of the results file with 考核结果 and 考核日期. */
const row = (seq: number, result: string, number = '', date = '', examOn = '2021-06-01', level = '初级') => [
  `学生${seq}`,
  learnerIdNumber(seq),
  '汽车运用与维修',
  '',
  level,
  ISSUER,
  number,
  date,
  result,
  examOn,
];

describe('1+X results with 考核结果: every row a sitting (考核记录)', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let vhs: Actor;
  let learners: string[];
  const sittings = () =>
    ctx.db
      .selectFrom('certificateSitting')
      .select(['learnerId', 'examOn', 'passed', 'outcomeId', 'majorCode', 'level', 'importId'])
      .orderBy('learnerId')
      .orderBy('examOn')
      .execute();
  const outcomes = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('learningOutcome')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2022-06-01T01:00:00Z' });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    learners = [await seedLearner(ctx, 'SD-VHS', 31), await seedLearner(ctx, 'SD-VHS', 32)];
  }, 600_000);
  afterAll(() => ctx?.close());

  it('refuses a 考核结果 that is neither 合格 nor 不合格, and a failure with a certificate number, on their row and column', async () => {
    const file = await resultsWorkbook(
      [row(31, '通过', 'C-1', '2021-06-20'), row(32, '不合格', 'C-2'), row(32, '不合格', '', '', '')],
      HEADER,
    );
    const e = await refusal(importCertificateResults(deps, vhs, { buffer: file, filename: 'x.xlsx' }));
    expect(e.code).toBe('OUTCOME_IMPORT_INVALID');
    expect(e.details.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'result', 'VALUE_UNKNOWN'],
      [3, 'number', 'NOT_ALLOWED'],
      [4, 'examOn', 'REQUIRED'],
    ]);
    expect(e.details[0]!.message).toContain('“考核结果”应为合格或不合格');
    expect(e.details[0]!.messageEn).toContain('must be 合格 (pass) or 不合格 (fail)');
    expect(await sittings()).toEqual([]);
  });

  it('records a pass as its certificate and sitting, a failure as a sitting only; the same sitting again is one', async () => {
    const before = await outcomes();
    const file = await resultsWorkbook(
      [row(31, '不合格'), row(31, '合格', 'C-10', '2021-12-20', '2021-12-01'), row(32, '不合格')],
      HEADER,
    );
    const result = await importCertificateResults(deps, vhs, { buffer: file, filename: 'a.xlsx' });
    expect(result).toMatchObject({ rows: 3, created: 1, unchanged: 0, passed: 1, failed: 2 });
    expect(await outcomes()).toBe(before + 1);
    const [pass] = await ctx.db
      .selectFrom('learningOutcome')
      .select('id')
      .where('number', '=', 'C-10')
      .execute();
    const expected = [
      { learnerId: learners[0], examOn: '2021-06-01', passed: false, outcomeId: null },
      { learnerId: learners[0], examOn: '2021-12-01', passed: true, outcomeId: pass!.id },
      { learnerId: learners[1], examOn: '2021-06-01', passed: false, outcomeId: null },
    ].sort((a, b) => `${a.learnerId}${a.examOn}`.localeCompare(`${b.learnerId}${b.examOn}`));
    expect(await sittings()).toEqual(
      expected.map((s) => ({ ...s, majorCode: '710205', level: 'elementary', importId: result.importId })),
    );
    // Another file holding the same sittings (and the same certificate) adds nothing.
    const again = await resultsWorkbook(
      [row(32, '不合格'), row(31, '合格', 'C-10', '2021-12-20', '2021-12-01'), row(32, '不合格')],
      HEADER,
    );
    expect(await importCertificateResults(deps, vhs, { buffer: again, filename: 'b.xlsx' })).toMatchObject({
      repeated: false,
      created: 0,
      unchanged: 1,
      passed: 1,
      failed: 2,
    });
    expect(await sittings()).toHaveLength(3);
    expect(await outcomes()).toBe(before + 1);
    // The same file again is the import it was, with its counts.
    expect(await importCertificateResults(deps, vhs, { buffer: file, filename: 'a.xlsx' })).toMatchObject({
      repeated: true,
      passed: 1,
      failed: 2,
    });
  });

  it('refuses a sitting recorded with the other result', async () => {
    const file = await resultsWorkbook([row(32, '合格', 'C-11', '2021-06-10')], HEADER);
    const e = await refusal(importCertificateResults(deps, vhs, { buffer: file, filename: 'c.xlsx' }));
    expect(e.details.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'result', 'SITTING_RESULT_CONFLICT'],
    ]);
  });

  it('reads a file without 考核结果 as passes, each its sitting on the issue date', async () => {
    const file = await resultsWorkbook(
      [[`学生32`, learnerIdNumber(32), '汽车运用与维修', '', '中级', ISSUER, 'C-12', '2022-01-05']],
      RESULT_HEADER,
    );
    expect(await importCertificateResults(deps, vhs, { buffer: file, filename: 'd.xlsx' })).toMatchObject({
      created: 1,
      passed: 1,
      failed: 0,
    });
    expect((await sittings()).filter((s) => s.examOn === '2022-01-05')).toEqual([
      expect.objectContaining({ learnerId: learners[1], passed: true, level: 'intermediate' }),
    ]);
  });

  it('offers the 考核结果 and 考核日期 columns in the template', async () => {
    const sheet = readFirstSheet(await certificateResultsTemplate(deps), { maxRows: 10, maxColumns: 20 });
    expect(sheet.ok && sheet.rows[0]!.cells).toEqual([...HEADER.slice(0, 8), '考核结果', '考核日期']);
  });
});
