import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellWord } from '../platform/files/sheet-records.ts';
import { readRegisterFile as readEnterprises } from '../modules/enterprises/enterprises-file.ts';
import { readLearnersFile } from '../modules/learners/learners-file.ts';
import { readResultsFile } from '../modules/learners/outcome-import-file.ts';
import { readRegisterFile as readTeachers } from '../modules/teachers/teachers-file.ts';

/** One sheet of a header row and one data row. */
async function sheet(header: string[], row: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Words an object inherits: an import reading its cells through a plain object once took them. */
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

describe('cell words of the spreadsheet imports', () => {
  it('answers only a table’s own words', () => {
    const words = { 男: 'M', 女: 'F' } as const;
    expect(cellWord(words, '男')).toBe('M');
    expect(cellWord(words, undefined)).toBeUndefined();
    for (const w of INHERITED) expect(cellWord(words, w)).toBeUndefined();
  });

  it.each(INHERITED)('refuses “%s” as a word in every import that reads words', async (word) => {
    const fields = async (
      read: () => { problems: Array<{ field: string; code: string }> } | Promise<unknown>,
    ) =>
      ((await read()) as { problems: Array<{ field: string; code: string }> }).problems
        .filter(
          (p) => p.code === 'VALUE_UNKNOWN' || p.code === 'LEVEL_UNKNOWN' || /UNKNOWN|INVALID/.test(p.code),
        )
        .map((p) => p.field);

    const learners = await sheet(
      ['姓名', '身份证号', '性别', '专业代码', '专业名称', '班级', '入学年份', '学籍状态', '状态日期'],
      ['张三', '110105200601010011', word, '660301', '焊接技术应用', '', '2021', word, ''],
    );
    expect(await fields(() => readLearnersFile(learners))).toEqual(expect.arrayContaining(['sex', 'status']));

    const results = await sheet(
      ['身份证号', '证书名称', '证书代码', '等级', '培训评价组织', '证书编号', '发证日期'],
      ['110105200601010011', '汽车运用与维修', '', word, '某评价组织', 'A001', '2022-01-10'],
    );
    expect(await fields(() => readResultsFile(results))).toContain('level');

    const enterprises = await sheet(
      [
        '统一社会信用代码',
        '企业名称',
        '行业代码',
        '地址',
        '年度',
        '职工总数',
        '是否规上',
        '营业收入（万元）',
      ],
      ['91140400MA0GRL5X1Q', '某企业', 'C', '', '2022', '100', word, ''],
    );
    expect(await fields(() => readEnterprises(enterprises, 2026))).toContain('listedAboveScale');

    const teachers = await sheet(
      ['学校代码', '姓名', '身份证号', '性别', '手机号', '学历', '职称', '岗位', '教师类别', '入职日期'],
      ['SD-VHS', '李四', '110105198001010011', '男', '', word, word, '专任教师', word, '2010-09-01'],
    );
    expect(await fields(() => readTeachers(teachers))).toEqual(
      expect.arrayContaining(['education', 'professionalTitle', 'series']),
    );
  });
});
