import { describe, expect, it } from 'vitest';
import type { PlanClause } from './plan-clauses.ts';
import { diffChars, diffClauses } from './plan-diff.ts';

const apply = (ops: ReturnType<typeof diffChars>, side: 'old' | 'new') =>
  ops
    .filter((o) => o.op === 'equal' || o.op === (side === 'old' ? 'delete' : 'insert'))
    .map((o) => o.text)
    .join('');

describe('diffChars', () => {
  it('diffs Chinese text by character, deletions before insertions', () => {
    expect(diffChars('建设1个工作室', '建设2个工作室')).toEqual([
      { op: 'equal', text: '建设' },
      { op: 'delete', text: '1' },
      { op: 'insert', text: '2' },
      { op: 'equal', text: '个工作室' },
    ]);
  });

  it('finds an insertion in the middle as one run', () => {
    expect(diffChars('建立统一招生平台', '建立全区统一招生平台')).toEqual([
      { op: 'equal', text: '建立' },
      { op: 'insert', text: '全区' },
      { op: 'equal', text: '统一招生平台' },
    ]);
  });

  it('handles empty texts and identical texts', () => {
    expect(diffChars('', '')).toEqual([]);
    expect(diffChars('', '新')).toEqual([{ op: 'insert', text: '新' }]);
    expect(diffChars('旧', '')).toEqual([{ op: 'delete', text: '旧' }]);
    expect(diffChars('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
  });

  it('treats characters outside the BMP as one character', () => {
    const ops = diffChars('a𠀀b', 'a𠀁b');
    expect(ops).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: 'b' },
    ]);
  });

  it('always reproduces both texts and keeps a longest common subsequence (random texts)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '职业教育改革发展计划';
    const text = () =>
      Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * 10)]).join('');
    for (let i = 0; i < 200; i++) {
      const a = text();
      const b = text();
      const ops = diffChars(a, b);
      expect(apply(ops, 'old')).toBe(a);
      expect(apply(ops, 'new')).toBe(b);
      const kept = ops
        .filter((o) => o.op === 'equal')
        .map((o) => o.text)
        .join('').length;
      // LCS length by plain DP, to check optimality.
      const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let x = 1; x <= a.length; x++)
        for (let y = 1; y <= b.length; y++)
          dp[x]![y] =
            a[x - 1] === b[y - 1] ? dp[x - 1]![y - 1]! + 1 : Math.max(dp[x - 1]![y]!, dp[x]![y - 1]!);
      expect(kept).toBe(dp[a.length]![b.length]);
    }
  });
});

const clause = (key: string, text: string): PlanClause => ({
  key,
  kind: 'task',
  label: key,
  title: '',
  text,
  sectionKey: null,
});

describe('diffClauses', () => {
  it('marks clauses unchanged, changed, added and removed, matched by key in the new order', () => {
    const diff = diffClauses(
      [clause('preamble', '前言'), clause('task-1', '旧文'), clause('task-2', '删去')],
      [clause('preamble', '前言'), clause('task-1', '新文'), clause('task-3', '新增')],
    );
    expect(diff.map((d) => [d.key, d.status])).toEqual([
      ['preamble', 'unchanged'],
      ['task-1', 'changed'],
      ['task-2', 'removed'],
      ['task-3', 'added'],
    ]);
    expect(diff[1]?.ops).toEqual([
      { op: 'delete', text: '旧' },
      { op: 'insert', text: '新' },
      { op: 'equal', text: '文' },
    ]);
    expect(diff[2]).toMatchObject({ oldText: '删去', newText: null, ops: [{ op: 'delete', text: '删去' }] });
  });
});
