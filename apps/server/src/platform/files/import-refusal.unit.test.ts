import { describe, expect, it } from 'vitest';
import { listProblems, type ImportRowProblem } from './import-refusal.ts';

const problem = (row: number, field = 'idNumber'): ImportRowProblem => ({
  row,
  field,
  code: 'INVALID',
  message: `第 ${row} 行有误`,
  messageEn: `Row ${row} is wrong`,
});

describe('listProblems', () => {
  it('lists the problems by row, or in the order given', () => {
    expect(listProblems([problem(5), problem(2), problem(3)]).map((p) => p.row)).toEqual([2, 3, 5]);
    const byField = listProblems([problem(2, 'b'), problem(2, 'a')], (x, y) =>
      x.field.localeCompare(y.field),
    );
    expect(byField.map((p) => p.field)).toEqual(['a', 'b']);
  });

  it('lists at most the first `max`, then one line counting the rest, in zh and en', () => {
    const listed = listProblems(
      Array.from({ length: 7 }, (_, i) => problem(i + 2)),
      undefined,
      5,
    );
    expect(listed).toHaveLength(6);
    expect(listed[5]).toEqual({
      row: 7,
      field: 'file',
      code: 'MORE_PROBLEMS',
      message: '另有 2 处问题未列出，请先改正以上问题后再导入',
      messageEn: '2 more problems are not listed: correct those above and import again',
    });
    expect(listProblems([problem(2)], undefined, 1)).toHaveLength(1);
  });
});
