/**
 * Writes packages/contracts/src/api/openapi.gen.ts from the server's route schemas:
 * `npm run api:types`. The web app's API client and the tests take every request and response
 * shape from it, so a schema change on the server is a compile error wherever it matters.
 */
import fs from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../apps/server/src/openapi.ts';

const text = await generateApiTypes();
fs.writeFileSync(API_TYPES_FILE, text);
console.log(`wrote ${API_TYPES_FILE} (${text.split('\n').length} lines)`);
