import { describe, expect, it } from 'vitest';
import { byDate, byFirstSeen, byNumber, byText } from './sorters';

describe('table sorters', () => {
  it('sorts Chinese text in pinyin order and numbers in digits naturally', () => {
    const rows = ['张三', '李四', '王五', '阿六'].map((name) => ({ name }));
    expect([...rows].sort(byText((r) => r.name)).map((r) => r.name)).toEqual([
      '阿六',
      '李四',
      '王五',
      '张三',
    ]);
    const labels = ['T10', 'T2', 'T1'].map((name) => ({ name }));
    expect([...labels].sort(byText((r) => r.name)).map((r) => r.name)).toEqual(['T1', 'T2', 'T10']);
  });

  it('puts empty numbers and dates last', () => {
    const values = [3, null, 1, 2].map((v) => ({ v }));
    expect([...values].sort(byNumber((r) => r.v)).map((r) => r.v)).toEqual([1, 2, 3, null]);
    const dates = ['2022-12-31', null, '2021-06-30'].map((d) => ({ d }));
    expect([...dates].sort(byDate((r) => r.d)).map((r) => r.d)).toEqual(['2021-06-30', '2022-12-31', null]);
  });

  it('keeps the order a key was first seen in', () => {
    const rows = [
      { task: 'b', n: 1 },
      { task: 'a', n: 2 },
      { task: 'b', n: 3 },
    ];
    expect([...rows].sort(byFirstSeen(rows, (r) => r.task)).map((r) => r.n)).toEqual([1, 3, 2]);
  });
});
