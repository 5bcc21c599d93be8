import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { findOrgUnitByCode } from '../../modules/org/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import type { Actor } from '../auth/actor.ts';
import type { TodoItem } from './todo-sources.ts';

const TODAY = '2026-11-29';

describe('my todos (我的待办) on the demo district', () => {
  let ctx: TestContext;
  let rt: Runtime;
  const todosOf = async (username: string): Promise<{ actor: Actor; items: TodoItem[] }> => {
    const actor = await demoActor(rt, username);
    return { actor, items: await ctx.services.todoSources.collect(actor, 'zh', TODAY) };
  };
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-29T02:00:00Z' });
    rt = {
      config: ctx.config,
      database: ctx.database,
      crypto: ctx.crypto,
      clock: ctx.clock,
      services: ctx.services,
      close: ctx.close,
    };
    await loadDemo(rt);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('dumps', async () => {
    for (const u of ['coordinator', 'hrss', 'finance', 'vhs', 'vec', 'jhs1', 'hs1', 'inspector', 'sysadmin']) {
      const { items } = await todosOf(u);
      console.log(u, JSON.stringify(items.map((i) => [i.source, i.kind, i.unit.code, i.dueDate, i.daysLate, i.count, i.title]), null, 0));
    }
    expect(findOrgUnitByCode).toBeDefined();
  });
});
