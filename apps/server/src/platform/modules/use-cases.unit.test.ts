import { describe, expect, it } from 'vitest';
import { bindUseCases } from './use-cases.ts';

interface Deps {
  prefix: string;
}
const useCases = {
  greet: async (deps: Deps, name: string) => `${deps.prefix} ${name}`,
  count: (deps: Deps, a: number, b: number) => deps.prefix.length + a + b,
};

describe('use cases bound once to their dependencies', () => {
  it('calls each use case with the dependencies first and the caller’s arguments after', async () => {
    const bound = bindUseCases({ prefix: '你好' }, useCases);
    expect(await bound.greet('区教育局')).toBe('你好 区教育局');
    expect(bound.count(1, 2)).toBe(5);
    expect(Object.keys(bound)).toEqual(['greet', 'count']);
  });
});
