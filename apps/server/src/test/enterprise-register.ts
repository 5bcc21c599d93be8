import { expect } from 'vitest';
import { demoUscc } from '../modules/enterprises/enterprises.demo-data.ts';
import type { Client } from './test-context.ts';

/**
 * Putting enterprises on the register (企业名录) in a test, for the enterprises module's tests and
 * for those of the modules that read the register (internships, certification): other modules may
 * not import the enterprises module's internals, tests included.
 */

let seq = 0;
/** A fresh valid 统一社会信用代码 of 上党区. */
export function nextUscc(): string {
  return demoUscc(`MA0T${String(++seq).padStart(4, '0')}`);
}

/** A register body for a new enterprise. */
export function enterpriseBody(over: Record<string, unknown> = {}) {
  return {
    uscc: nextUscc(),
    legalName: `长治市上党区测试企业${seq}有限公司`,
    industryDivision: '33',
    address: '上党区韩店镇',
    ...over,
  };
}

/**
 * Registers an enterprise through the API as `client` (区工信局's clerk; a new unit unless the
 * body's `orgUnitId` links one) and returns its id.
 *
 * @example const id = await registerEnterprise(iit, enterpriseBody({ legalName: '易通集团', orgUnitId }))
 */
export async function registerEnterprise(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/enterprises', body);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { enterprise: { id: string } }).enterprise.id;
}
