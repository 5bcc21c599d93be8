import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, buildOpenApiDocument, generateApiTypes } from './openapi.ts';

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/** Where a schema lets a number through without a lower or an upper bound. */
function unboundedNumbers(schema: unknown, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  const types = [s.type].flat();
  const numeric = types.includes('number') || types.includes('integer');
  const bounded =
    (s.minimum ?? s.exclusiveMinimum) !== undefined && (s.maximum ?? s.exclusiveMaximum) !== undefined;
  const here = numeric && !bounded ? [at] : [];
  return [...here, ...Object.entries(s).flatMap(([key, value]) => unboundedNumbers(value, `${at}/${key}`))];
}

describe('the one API contract', () => {
  it('keeps the generated API types equal to the route schemas (else run `npm run api:types`)', async () => {
    const generated = await generateApiTypes();
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    // A plain toBe would print 25,000 lines; say where they part instead.
    if (generated !== committed) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `packages/contracts/src/api/openapi.gen.ts is stale (first difference at line ${line + 1}: ` +
          `${JSON.stringify(a[line])} → ${JSON.stringify(b[line])}). Run \`npm run api:types\`.`,
      );
    }
  }, 60_000);

  it('bounds every number a request may carry (query, path, body) with a minimum and a maximum', async () => {
    const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const unbounded = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => [
        ...(op.parameters ?? []).flatMap((p) =>
          unboundedNumbers(p.schema, `${method.toUpperCase()} ${path} ${p.in} ${p.name}`),
        ),
        ...Object.entries(op.requestBody?.content ?? {}).flatMap(([type, c]) =>
          unboundedNumbers(c.schema, `${method.toUpperCase()} ${path} body (${type})`),
        ),
      ]),
    );
    expect(unbounded).toEqual([]);
  }, 60_000);
});
