import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
};
type Parameter = { in: string; name: string; schema?: Schema };

/** Numbers a query string may spell that are no finite integer in range, or no number at all. */
const BAD_NUMBERS = ['1e309', 'Infinity', '-Infinity', 'NaN', '-1', '1.5', '99999999999999999999', '1e3', ''];

/** The values an enum parameter (also as `anyOf` of constants) may take. */
function enumValues(schema: Schema | undefined): unknown[] {
  if (schema?.enum) return schema.enum;
  return (schema?.anyOf ?? []).flatMap((s) => (s as { const?: unknown }).const ?? s.enum ?? []);
}

/**
 * Query strings for an operation's query parameters: every value of each enum parameter with every
 * boolean flag on (so `?state=draft&overdue=true` is tried), and each number parameter alone with
 * each of `BAD_NUMBERS`.
 */
function queryVariants(parameters: readonly Parameter[]): string[] {
  const query = parameters.filter((p) => p.in === 'query');
  const flags = query.filter((p) => p.schema?.type === 'boolean').map((p) => `${p.name}=true`);
  const out: string[] = [];
  for (const p of query) {
    for (const v of enumValues(p.schema))
      out.push([`${p.name}=${encodeURIComponent(String(v))}`, ...flags].join('&'));
    if (p.schema?.type === 'integer' || p.schema?.type === 'number')
      for (const v of BAD_NUMBERS) out.push(`${p.name}=${encodeURIComponent(v)}`);
  }
  return out;
}

/** Values of every wrong kind for a schema, plus a few right-typed extremes. */
function badValues(schema: Schema | undefined): unknown[] {
  const generic: unknown[] = [
    null,
    '',
    'x'.repeat(10_000),
    -1,
    1e308,
    // A string Ajv coerces to a number: Infinity.
    '1e309',
    true,
    [],
    {},
    '../../etc/passwd',
    "'; DROP TABLE plan; --",
    '\u0000',
    // Shaped like a date, but no such day: the schema refuses it, SQL never sees it.
    '2021-02-30',
  ];
  if (!schema?.properties) return generic;
  const out: unknown[] = [...generic];
  for (const [key, prop] of Object.entries(schema.properties)) {
    for (const v of generic) out.push({ ...sample(schema), [key]: v });
    if (prop.type === 'array')
      out.push({ ...sample(schema), [key]: Array.from({ length: 1000 }, () => randomUUID()) });
  }
  return out;
}

/** A plausible object for a schema, so one bad field at a time reaches the deeper checks. */
function sample(schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    out[key] =
      prop.format === 'uuid'
        ? randomUUID()
        : prop.type === 'number' || prop.type === 'integer'
          ? 1
          : prop.type === 'boolean'
            ? false
            : prop.type === 'array'
              ? []
              : 'text';
  }
  return out;
}

/**
 * SECURITY.md "every field validated by schema … fuzzing every endpoint from the OpenAPI spec:
 * 0 responses ≥ 500": every documented operation gets wrong types, extremes and odd strings in
 * its body, path and query — its own query parameters too: each enum value with every flag on,
 * and numbers that are not finite, negative, fractional or huge — as a signed-in coordinator (who
 * may call most routes).
 */
describe('fuzzing every endpoint from the OpenAPI description', () => {
  let ctx: TestContext;
  let client: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    await createUser(ctx, 'coordinator', 'SD-EDU', 'fuzz.coord');
    client = await login(ctx, 'fuzz.coord');
  });
  afterAll(() => ctx?.close());

  it('never answers 5xx', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
        >
      >;
    };
    const failures: string[] = [];
    let requests = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path === '/api/auth/logout' || path === '/api/auth/password') continue; // would end the fuzzing session
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const urls = ['not-a-uuid', randomUUID(), '%00', 'x'.repeat(300)]
          .map((v) => path.replace(/\{[^}]+\}/g, encodeURIComponent(v)))
          .flatMap((u) => [u, `${u}?periodId=zzz&limit=-5&offset=abc&state=nope&lang=xx&planCode=%00`]);
        // A route's own query parameters, on a path whose ids are well formed.
        const base = path.replace(/\{[^}]+\}/g, randomUUID());
        urls.push(...queryVariants(op.parameters ?? []).map((q) => `${base}?${q}`));
        const bodies = method === 'get' ? [undefined] : badValues(schema);
        // Every bad body on the well-formed path; every bad path with the first body (a path the
        // route refuses is refused before its body is read, so the pairs add requests, not cases).
        // A path without parameters spells the same URL for every bad value: asked once.
        const cases = [
          ...bodies.map((body) => [base, body] as const),
          ...[...new Set(urls)].filter((u) => u !== base).map((url) => [url, bodies[0]] as const),
        ];
        for (const [url, body] of cases) {
          requests++;
          const res = await client.request({
            method: method.toUpperCase() as 'GET',
            url,
            ...(body === undefined
              ? {}
              : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
          });
          if (res.statusCode >= 500)
            failures.push(
              `${method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 80)} → ${res.statusCode}`,
            );
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 900_000);
});
