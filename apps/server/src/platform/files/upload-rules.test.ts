import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { DEFAULT_ZIP_LIMITS } from './file-guard.ts';
import { EVIDENCE_KINDS } from './file-store.ts';

describe('GET /api/files/rules: the upload rules the guard checks with', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  it('gives the coordinator the accepted kinds, the size limit, the zip bounds and where files are kept', async () => {
    const coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const res = await coordinator.get('/api/files/rules');
    expect(res.statusCode, res.body).toBe(200);
    const rules = res.json() as {
      evidence: Array<{ kind: string; extensions: string[]; label: { zh: string } }>;
      imports: Array<{ kind: string; extensions: string[] }>;
      maxBytes: number;
      zip: unknown;
      storage: { folder: string; pattern: string };
    };
    expect(rules.evidence.map((k) => k.kind)).toEqual([...EVIDENCE_KINDS]);
    expect(rules.evidence.find((k) => k.kind === 'ole')?.extensions).toEqual([
      'doc',
      'xls',
      'ppt',
      'wps',
      'et',
    ]);
    expect(rules.imports).toEqual([expect.objectContaining({ kind: 'xlsx', extensions: ['xlsx'] })]);
    expect(rules.maxBytes).toBe(ctx.config.uploadMaxBytes);
    expect(rules.zip).toEqual(DEFAULT_ZIP_LIMITS);
    expect(rules.storage).toEqual({ folder: 'uploads', pattern: 'uploads/<yyyy>/<uuid>' });
    expect(res.body).not.toContain(ctx.config.dataDir);
  });

  it('refuses a unit’s clerk and a viewer (403)', async () => {
    for (const role of ['unit_clerk', 'viewer'] as const) {
      const client = await login(ctx, (await createUser(ctx, role, 'SD-VHS')).username);
      const res = await client.get('/api/files/rules');
      expect(res.statusCode).toBe(403);
    }
  });
});
