import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ReadCache', () => {
  it('serves a hit within the TTL, then the stale value once while one refresh runs', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ReadCache<number>(1000, 10, () => now);
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    now = 1001;
    const stale = cache.get('k', load);
    const again = cache.get('k', load);
    expect([await stale, await again]).toEqual([1, 1]);
    await tick();
    expect(loads).toBe(2);
    expect(await cache.get('k', load)).toBe(2);
    expect(loads).toBe(2);
  });
  it('never serves a value from before invalidate(), even a refresh that was running', async () => {
    let now = 0;
    let release: (v: number) => void = () => undefined;
    const cache = new ReadCache<number>(1000, 10, () => now);
    await cache.get('k', async () => 1);
    now = 2000;
    await cache.get('k', () => new Promise<number>((r) => (release = r)));
    cache.invalidate();
    release(99);
    await tick();
    expect(await cache.get('k', async () => 3)).toBe(3);
  });
  it('shares one load between concurrent callers and forgets failures', async () => {
    let loads = 0;
    const cache = new ReadCache<number>(1000);
    const [a, b] = await Promise.all([
      cache.get('k', async () => ++loads),
      cache.get('k', async () => ++loads),
    ]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    await expect(cache.get('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await tick();
    expect(await cache.get('x', async () => 7)).toBe(7);
  });
  it('drops the oldest entry past its size', async () => {
    let loads = 0;
    const cache = new ReadCache<number>(1000, 2);
    await cache.get('a', async () => ++loads);
    await cache.get('b', async () => ++loads);
    await cache.get('c', async () => ++loads);
    expect(await cache.get('a', async () => ++loads)).toBe(4);
  });
});
