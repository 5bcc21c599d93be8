import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './openapi.ts';

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
});
