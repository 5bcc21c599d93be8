import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { teachersCast } from '../../modules/teachers/teachers-test-helpers.ts';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';

/*
 * Review probes of GET /api/search beyond the demo district: odd query text. A NUL (or other
 * control character) cannot be stored in PostgreSQL text, so the sources that pass q to SQL
 * (teachers, projects) fail on it: each failure is logged and the answer silently lacks their
 * groups — anyone can fill the error log, and the user is told nothing.
 */
describe('review: odd search text', () => {
  let ctx: TestContext;
  let client: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    client = (await teachersCast(ctx)).clients.coordinator;
  });
  afterAll(() => ctx?.close());

  it('refuses a NUL or control character in q with 400, and no source fails', async () => {
    const failed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const codes = [];
      for (const q of ['张三\u0000', 'ab\u0000cd', 'ab\u0007'])
        codes.push((await client.get(`/api/search?q=${encodeURIComponent(q)}`)).statusCode);
      expect(failed.mock.calls.filter((c) => String(c[0]).includes('search source'))).toEqual([]);
      expect(codes).toEqual([400, 400, 400]);
    } finally {
      failed.mockRestore();
    }
  });

  it('answers an astral (CJK Ext. B) character without failing a source', async () => {
    const failed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await client.get(`/api/search?q=${encodeURIComponent('𠀀')}`);
      expect(res.statusCode).toBe(200);
      expect(failed.mock.calls.filter((c) => String(c[0]).includes('search source'))).toEqual([]);
    } finally {
      failed.mockRestore();
    }
  });
});

describe('review: NUL in the list filters search reuses', () => {
  let ctx: TestContext;
  let client: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    client = (await teachersCast(ctx)).clients.coordinator;
  });
  afterAll(() => ctx?.close());

  it('answers the project list and export and the teacher register with a 4xx, never a 5xx', async () => {
    const codes: Record<string, number> = {};
    for (const url of [
      '/api/program-projects?q=',
      '/api/program-projects/export.xlsx?q=',
      '/api/teachers?q=',
    ])
      codes[url] = (await client.get(`${url}${encodeURIComponent('ab\u0000')}`)).statusCode;
    for (const [url, code] of Object.entries(codes)) expect(code, url).toBeLessThan(500);
  });
});
