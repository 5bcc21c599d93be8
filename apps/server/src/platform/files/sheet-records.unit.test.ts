import { describe, expect, it } from 'vitest';
import { emptyRequiredCells, sheetRecords } from './sheet-records.ts';

const COLUMNS = [
  ['姓名', 'name'],
  ['身份证号', 'idNumber'],
  ['班级', 'className'],
] as const;
const REQUIRED = new Set(['name', 'idNumber']);

describe('sheetRecords', () => {
  it('keys each data row by field through the headers, wherever the columns stand; empty rows left out', () => {
    const { missing, records } = sheetRecords(
      {
        rows: [
          { row: 1, cells: ['身份证号', '备注', '姓名'] },
          { row: 2, cells: ['140421200501010011', 'x', '张三'] },
          { row: 3, cells: ['', '', ''] },
          { row: 5, cells: ['', '', '李四'] },
        ],
      },
      COLUMNS,
      REQUIRED,
    );
    expect(missing).toEqual([]);
    expect(records).toEqual([
      { row: 2, cell: { name: '张三', idNumber: '140421200501010011', className: '' } },
      { row: 5, cell: { name: '李四', idNumber: '', className: '' } },
    ]);
    expect(emptyRequiredCells(records[1]!, COLUMNS, REQUIRED)).toEqual([
      {
        row: 5,
        field: 'idNumber',
        code: 'REQUIRED',
        message: '“身份证号”不能为空',
        messageEn: '“身份证号” is required',
      },
    ]);
  });

  it('names each missing required column on row 1 and reads no row; headers may be normalised', () => {
    const sheet = {
      rows: [
        { row: 1, cells: ['姓名(全名)'] },
        { row: 2, cells: ['张三'] },
      ],
    };
    const { missing, records } = sheetRecords(
      sheet,
      [
        ['姓名（全名）', 'name'],
        ['身份证号', 'idNumber'],
      ],
      REQUIRED,
    );
    expect(records).toEqual([]);
    expect(missing.map((p) => `${p.row}:${p.field}:${p.code}`)).toEqual([
      '1:name:COLUMN_MISSING',
      '1:idNumber:COLUMN_MISSING',
    ]);
    expect(missing[1]).toMatchObject({
      message: '缺少“身份证号”列',
      messageEn: 'Column “身份证号” is missing',
    });
    const normalised = sheetRecords(sheet, [['姓名（全名）', 'name']], new Set(['name']), (h) =>
      h.replace(/\(/g, '（').replace(/\)/g, '）'),
    );
    expect(normalised.records).toEqual([{ row: 2, cell: { name: '张三' } }]);
  });
});
