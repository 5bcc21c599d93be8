import { describe, expect, it } from 'vitest';
import { ReadCache } from '../cache/read-cache.ts';
import type { Actor } from '../auth/actor.ts';
import { TodoSources, type TodoItem } from './todo-sources.ts';

const actor = { userId: 'u1', role: 'unit_clerk', orgUnitId: 'o1', districtId: 'd1' } as unknown as Actor;

function item(id: string, dueDate: string | null): TodoItem {
  const unit = { id: 'o1', code: 'SD-VHS', name: '区职业高中' };
  return { id, source: 'a', kind: 'k', title: id, unit, dueDate, daysLate: null, link: '/x', count: null };
}

describe('TodoSources.collect', () => {
  it('lists what the working sources return and names a failing one instead of failing the whole list', async () => {
    const sources = new TodoSources();
    sources.register('plans', async () => [item('b', '2026-12-01'), item('c', null)]);
    sources.register('teachers', async () => {
      throw new Error('connection lost');
    });
    sources.register('programs', async () => [item('a', '2026-11-01')]);
    const errors: string[] = [];
    const got = await sources.collect(actor, 'zh', '2026-12-05', (source, err) =>
      errors.push(`${source}: ${(err as Error).message}`),
    );
    expect(got.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(got.unavailable).toEqual(['teachers']);
    expect(errors).toEqual(['teachers: connection lost']);
  });

  it('asks no source for an account without a role', async () => {
    const sources = new TodoSources();
    sources.register('plans', async () => {
      throw new Error('must not be asked');
    });
    expect(await sources.collect({ ...actor, role: null }, 'zh', '2026-12-05')).toEqual({
      items: [],
      unavailable: [],
    });
  });

  it('keeps each account’s list until invalidated, and never hands one account’s list to another', async () => {
    let calls = 0;
    const sources = new TodoSources(new ReadCache(60_000));
    sources.register('plans', async (a) => {
      calls++;
      return [item(`for-${a.userId}`, null)];
    });
    const other = { ...actor, userId: 'u2' } as Actor;
    expect((await sources.collect(actor, 'zh', '2026-12-05')).items[0]!.id).toBe('for-u1');
    expect((await sources.collect(actor, 'zh', '2026-12-05')).items[0]!.id).toBe('for-u1');
    expect(calls).toBe(1);
    expect((await sources.collect(other, 'zh', '2026-12-05')).items[0]!.id).toBe('for-u2');
    expect(calls).toBe(2);
    // Another day, or a write somewhere (records.changed), asks the sources again.
    await sources.collect(actor, 'zh', '2026-12-06');
    expect(calls).toBe(3);
    sources.invalidate();
    await sources.collect(actor, 'zh', '2026-12-06');
    expect(calls).toBe(4);
  });
});
