import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../platform/files/test-zip.ts';
import {
  createTestContext,
  multipartFile,
  multipartFileInPieces,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { importFile, setUpSeason, type SeasonFixture } from './enrollment.test-helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('candidate import: zip-bomb guard', () => {
  let ctx: TestContext;
  let f: SeasonFixture;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
  });
  afterAll(() => ctx?.close());

  it('refuses (400 FILE_REJECTED) an .xlsx whose sheet inflates far past its declared size, before parsing it', async () => {
    const before = await ctx.db.selectFrom('enrollmentImport').select('id').execute();
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(4 * 1024 * 1024),
        declaredUncompressedSize: 40_000,
      },
    ]);
    const res = await importFile(f.coordinator, f.seasonId, bomb, '考生名单.xlsx');
    expect(res.statusCode, res.body).toBe(400);
    const error = (res.json() as { error: { code: string; details: Array<{ code: string }> } }).error;
    expect(error.code).toBe('FILE_REJECTED');
    expect(error.details[0]!.code).toBe('ZIP_SIZE_MISMATCH');
    expect(await ctx.db.selectFrom('enrollmentImport').select('id').execute()).toHaveLength(before.length);
  });
});

describe('candidate import: size limit', () => {
  let ctx: TestContext;
  let f: SeasonFixture;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_UPLOAD_MAX_MB: '1' } });
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
  });
  afterAll(() => ctx?.close());

  it('answers 413 FILE_TOO_LARGE (never FILE_TYPE_MISMATCH of a cut-off file) and imports nothing', async () => {
    const limit = ctx.config.uploadMaxBytes;
    const before = await ctx.db.selectFrom('enrollmentImport').select('id').execute();
    const xlsx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/media/scan.bin', data: Buffer.alloc(limit + 4096, 1), method: 'store' },
    ]);
    expect(xlsx.length).toBeGreaterThan(limit);
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++)
      for (const body of [
        multipartFile('考生名单.xlsx', xlsx, XLSX),
        multipartFileInPieces('考生名单.xlsx', xlsx, limit, XLSX),
      ]) {
        const res = await f.coordinator.request({
          method: 'POST',
          url: `/api/enrollment/seasons/${f.seasonId}/candidate-imports`,
          ...body,
        });
        answers.add(`${res.statusCode} ${(res.json() as { error?: { code: string } }).error?.code}`);
      }
    expect([...answers]).toEqual(['413 FILE_TOO_LARGE']);
    expect(await ctx.db.selectFrom('enrollmentImport').select('id').execute()).toHaveLength(before.length);
  });
});
