import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { DEFAULT_DQ_CRITERIA } from './teachers.config.ts';
import { teachersCast } from './teachers-test-helpers.ts';

/*
 * Review probe: "任一满足" (anyOf) must name at least two criteria — one alone is simply required.
 * The same criterion named twice is one criterion, and the settings page would show a level whose
 * "any one of" is a single condition.
 */
describe('review: 双师型 criteria validation', () => {
  let ctx: TestContext;
  let coordinator: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    ({ coordinator } = (await teachersCast(ctx)).clients);
  });
  afterAll(() => ctx?.close());

  it('refuses anyOf naming one criterion twice', async () => {
    const levels = structuredClone(DEFAULT_DQ_CRITERIA.levels);
    levels.junior.anyOf = ['certificate', 'certificate'];
    const res = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: levels });
    expect(res.statusCode, res.body).toBe(400);
    const s = (await coordinator.get('/api/dq-settings')).json() as { criteriaOverridden: boolean };
    expect(s.criteriaOverridden).toBe(false);
  });
});
