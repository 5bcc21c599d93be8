import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { learnerIdNumber, resultsWorkbook, RESULT_HEADER, seedLearner } from './credit-bank.test-helpers.ts';
import { importCertificateResults } from './outcome-import.ts';

type Problem = { row: number; field: string; code: string; message: string; messageEn: string };

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Problem[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details ?? [] };
}

const ISSUER = '工业和信息化部教育与考试中心';
const row = (seq: number, number: string, level = '中级', date = '2021-03-01') => [
  `学生${seq}`,
  learnerIdNumber(seq),
  'Web 前端开发',
  '',
  level,
  ISSUER,
  number,
  date,
];

describe('importing 1+X certificate results from .xlsx', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let vhs: Actor;
  let vec: Actor;
  let vhsLearners: string[];
  const outcomeCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('learningOutcome')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    vec = await actorOf(ctx, 'unit_clerk', 'SD-VEC');
    vhsLearners = [await seedLearner(ctx, 'SD-VHS', 11), await seedLearner(ctx, 'SD-VHS', 12)];
    await seedLearner(ctx, 'SD-VEC', 13);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('writes nothing when any row is wrong, and names each row and column in zh and en', async () => {
    const file = await resultsWorkbook([
      row(11, 'R-1'),
      // 区职教中心's learner: not on 区职业高中's register.
      row(13, 'R-2'),
      row(12, 'R-3', '特级'),
      row(12, 'R-4', '中级', '2021-02-30'),
      ['某人', '140421200501010011', 'Web 前端开发', '', '中级', ISSUER, 'R-5', '2021-03-01'],
      row(12, 'R-6', '中级', '2030-01-01'),
      [...row(12, '').slice(0, 6), '', '2021-03-01'],
    ]);
    const before = await outcomeCount();
    const e = await refusal(importCertificateResults(deps, vhs, { buffer: file, filename: 'results.xlsx' }));
    expect(e).toMatchObject({ code: 'OUTCOME_IMPORT_INVALID', status: 400 });
    expect(e.details.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'idNumber', 'LEARNER_UNKNOWN'],
      [4, 'level', 'VALUE_UNKNOWN'],
      [5, 'achievedOn', 'DATE_INVALID'],
      [6, 'idNumber', expect.stringMatching(/^ID_/)],
      [7, 'achievedOn', 'DATE_IN_FUTURE'],
      [8, 'number', 'REQUIRED'],
    ]);
    for (const p of e.details) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/[a-z]/);
    }
    expect(await outcomeCount()).toBe(before);
    expect(await ctx.db.selectFrom('outcomeImport').selectAll().execute()).toEqual([]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['result', 'details'])
      .where('action', '=', 'learning_outcome.import')
      .execute();
    expect(audit).toEqual([{ result: 'failure', details: { fileName: 'results.xlsx', problems: 6 } }]);
  });

  it('refuses a file without the required columns', async () => {
    const file = await resultsWorkbook(
      [row(11, 'R-1')],
      RESULT_HEADER.filter((h) => h !== '证书编号'),
    );
    const e = await refusal(importCertificateResults(deps, vhs, { buffer: file, filename: 'x.xlsx' }));
    expect(e.details).toEqual([expect.objectContaining({ row: 1, field: 'number', code: 'COLUMN_MISSING' })]);
  });

  it('records each certificate once, 待认定, matched by ID number: the same file again and the same certificate again change nothing', async () => {
    const file = await resultsWorkbook([row(11, 'R-10'), row(12, 'R-11', '初级'), row(12, 'R-11', '初级')]);
    const first = await importCertificateResults(deps, vhs, { buffer: file, filename: 'a.xlsx' });
    expect(first).toMatchObject({ repeated: false, rows: 3, created: 2, unchanged: 1 });
    const written = await ctx.db
      .selectFrom('learningOutcome')
      .select(['learnerId', 'number', 'level', 'status', 'source', 'importId', 'issuer'])
      .where('importId', '=', first.importId)
      .orderBy('number')
      .execute();
    expect(written).toEqual([
      {
        learnerId: vhsLearners[0],
        number: 'R-10',
        level: 'intermediate',
        status: 'pending',
        source: 'import',
        importId: first.importId,
        issuer: ISSUER,
      },
      {
        learnerId: vhsLearners[1],
        number: 'R-11',
        level: 'elementary',
        status: 'pending',
        source: 'import',
        importId: first.importId,
        issuer: ISSUER,
      },
    ]);
    const count = await outcomeCount();
    expect(await importCertificateResults(deps, vhs, { buffer: file, filename: 'a.xlsx' })).toMatchObject({
      importId: first.importId,
      repeated: true,
      created: 2,
    });
    // Another file: one certificate already recorded (the number spelled otherwise), one new.
    const next = await resultsWorkbook([row(11, 'r-10 '), row(11, 'R-12', '高级')]);
    expect(await importCertificateResults(deps, vhs, { buffer: next, filename: 'b.xlsx' })).toMatchObject({
      repeated: false,
      created: 1,
      unchanged: 1,
    });
    expect(await outcomeCount()).toBe(count + 1);
  });

  it('refuses a certificate already recorded for another learner, or recorded otherwise', async () => {
    const file = await resultsWorkbook([row(12, 'R-10'), row(11, 'R-10X'), row(11, 'R-12', '中级')]);
    const e = await refusal(importCertificateResults(deps, vhs, { buffer: file, filename: 'c.xlsx' }));
    expect(e.details.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'number', 'CERTIFICATE_OF_ANOTHER_LEARNER'],
      [4, 'number', 'CERTIFICATE_RECORDED_OTHERWISE'],
    ]);
  });

  it('imports for the clerk’s own school only: another school’s learners are not matched; the route refuses the coordinator', async () => {
    const file = await resultsWorkbook([row(11, 'R-20')]);
    const e = await refusal(importCertificateResults(deps, vec, { buffer: file, filename: 'd.xlsx' }));
    expect(e.details.map((p) => p.code)).toEqual(['LEARNER_UNKNOWN']);
    const coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const res = await coordinator.request({
      method: 'POST',
      url: '/api/learning-outcomes/imports',
      ...multipartFile('d.xlsx', file),
    });
    expect(res.statusCode).toBe(403);
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const ok = await clerk.request({
      method: 'POST',
      url: '/api/learning-outcomes/imports',
      ...multipartFile('d.xlsx', file),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1, repeated: false });
  });
});
