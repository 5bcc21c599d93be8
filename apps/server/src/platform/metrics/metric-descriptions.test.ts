import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.ts';

/** Every metric the modules register says in words how it is computed (shown as 计算口径). */
describe('metric descriptions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('gives every registered metric a Chinese and an English description that is not its name', () => {
    const metrics = ctx.services.metrics.list();
    expect(metrics.length).toBeGreaterThan(20);
    const lacking = metrics
      .filter(
        (m) =>
          !m.description?.zh.trim() ||
          !m.description?.en.trim() ||
          m.description.zh.includes(m.name) ||
          !/[\u4e00-\u9fff]/.test(m.description.zh),
      )
      .map((m) => m.name);
    expect(lacking).toEqual([]);
  });

  it('refuses to register a metric without a description', () => {
    expect(() =>
      ctx.services.metrics.register({
        name: 'demo.undescribed',
        title: { zh: '未说明口径的数', en: 'An undescribed number' },
        description: { zh: ' ', en: '' },
        unit: '个',
        compute: async () => ({ value: 0, drillDown: [] }),
      }),
    ).toThrow(/no description/);
    expect(ctx.services.metrics.has('demo.undescribed')).toBe(false);
  });
});
