import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip } from './test-zip.ts';
import { readFirstSheet } from './xlsx-reader.ts';

/** A cell's text as the imports printed ExcelJS's value before this reader (the parity it keeps). */
function excelJsText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return excelJsText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** A workbook as Excel writes one, by hand: the parts a reader needs, sheets in `order`. */
function workbook(
  sheets: Record<string, string>,
  opts: { order?: string[]; styles?: string; shared?: string[]; date1904?: boolean } = {},
) {
  const names = opts.order ?? Object.keys(sheets);
  return buildZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
        opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'
      }<sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId_${n}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships>${Object.keys(sheets)
        .map((n) => `<Relationship Id="rId_${n}" Type="…/worksheet" Target="worksheets/${n}.xml"/>`)
        .join('')}</Relationships>`,
    },
    ...(opts.styles ? [{ name: 'xl/styles.xml', data: opts.styles }] : []),
    ...(opts.shared
      ? [
          {
            name: 'xl/sharedStrings.xml',
            data: `<sst>${opts.shared.map((s) => `<si>${s}</si>`).join('')}</sst>`,
          },
        ]
      : []),
    ...Object.entries(sheets).map(([n, rows]) => ({
      name: `xl/worksheets/${n}.xml`,
      data: `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
    })),
  ]);
}

describe('readFirstSheet', () => {
  it('reads every kind of cell ExcelJS writes as the imports read them through ExcelJS', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单');
    wb.addWorksheet('说明').addRow(['not this sheet']);
    const ws = wb.getWorksheet('名单')!;
    ws.addRow(['统一社会信用代码', '企业名称（全称）', '  年度 ', 'x<&>"\'y']);
    ws.addRow([
      '91140400MA0GRRBH3E',
      { richText: [{ text: '长治' }, { text: '某某', font: { bold: true } }] },
      2024,
      1.5,
    ]);
    ws.addRow([]);
    ws.addRow([
      true,
      false,
      new Date(Date.UTC(2021, 8, 1)),
      { formula: 'A1&"x"', result: '91140400MA0GRRBH3Ex' },
    ]);
    ws.addRow([
      { formula: '1+1', result: 2 },
      { error: '#N/A' },
      { formula: 'NA()', result: { error: '#N/A' } },
      '',
    ]);
    ws.addRow([{ text: '官网', hyperlink: 'https://example.org' }, null, 1234567890123, -0.25]);
    ws.getCell('F6').value = '第六列';
    ws.getCell('B8').value = '  空行之后  ';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(buffer as unknown as ArrayBuffer);
    const expected: Array<{ row: number; cells: string[] }> = [];
    loaded.worksheets[0]!.eachRow((r, n) => {
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = excelJsText(c.value)));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.some((c) => c !== '')) expected.push({ row: n, cells });
    });
    expect(readFirstSheet(buffer, { maxRows: 100 })).toEqual({ ok: true, rowCount: 8, rows: expected });
  });

  it('reads inline strings, cells and rows without references, phonetic guides, entities and the first sheet by workbook order', () => {
    const buffer = workbook(
      {
        sheet1: '<row r="1"><c r="A1" t="inlineStr"><is><t>写在第二张</t></is></c></row>',
        sheet2: [
          '<row><c t="inlineStr"><is><r><t>上党</t></r><r><t xml:space="preserve"> 区 </t></r></is></c><c t="s"><v>0</v></c></row>',
          '<row><c r="B2" t="s"><v>1</v></c><c t="str"><f>B2</f><v>&lt;算&gt;</v></c><c r="E2"><v>3</v></c></row>',
          '<row r="5"><c r="A5" t="e"><v>#DIV/0!</v></c><c r="B5" t="b"><v>1</v></c><c r="C5" s="0"><v>2022</v></c></row>',
        ].join(''),
      },
      {
        order: ['sheet2', 'sheet1'],
        shared: ['<t>甲&amp;乙</t>', '<r><t>长治</t></r><rPh sb="0" eb="2"><t>チョウジ</t></rPh>'],
      },
    );
    expect(readFirstSheet(buffer, { maxRows: 10 })).toEqual({
      ok: true,
      rowCount: 5,
      rows: [
        { row: 1, cells: ['上党 区', '甲&乙'] },
        { row: 2, cells: ['', '长治', '<算>', '', '3'] },
        { row: 5, cells: ['', 'true', '2022'] },
      ],
    });
  });

  it('gives a number in a date format as its date (built-in and custom formats, 1900 and 1904 systems), other numbers as numbers', () => {
    const styles = `<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="[Red]0.00"/></numFmts>
      <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>`;
    const row =
      '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45292</v></c><c r="D1"><v>45292</v></c></row>';
    expect(readFirstSheet(workbook({ s: row }, { styles }), { maxRows: 5 })).toMatchObject({
      rows: [{ row: 1, cells: ['2024-01-01', '2024-01-01', '45292', '45292'] }],
    });
    expect(readFirstSheet(workbook({ s: row }, { styles, date1904: true }), { maxRows: 5 })).toMatchObject({
      rows: [{ row: 1, cells: ['2028-01-02', '2028-01-02', '45292', '45292'] }],
    });
  });

  it('refuses rows past the limit as soon as it meets one, and ignores rows that hold no value', () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
        '',
      );
    expect(readFirstSheet(workbook({ s: rows(11) }), { maxRows: 10 })).toMatchObject({
      ok: true,
      rowCount: 11,
    });
    expect(readFirstSheet(workbook({ s: rows(12) }), { maxRows: 10 })).toEqual({
      ok: false,
      code: 'TOO_MANY_ROWS',
    });
    const far = `${rows(2)}<row r="1048576" s="1" customFormat="1"/><row r="900000"><c r="A900000" s="1"/></row>`;
    expect(readFirstSheet(workbook({ s: far }), { maxRows: 10 })).toMatchObject({ ok: true, rowCount: 2 });
    expect(
      readFirstSheet(workbook({ s: `${rows(2)}<row r="1048576"><c r="A1048576"><v>1</v></c></row>` }), {
        maxRows: 10,
      }),
    ).toEqual({
      ok: false,
      code: 'TOO_MANY_ROWS',
    });
  });

  it('refuses what is not a workbook, or what the upload guard refuses', () => {
    const sheet = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const unreadable = { ok: false, code: 'UNREADABLE' };
    expect(readFirstSheet(Buffer.from('统一社会信用代码,年度\n'), { maxRows: 10 })).toEqual(unreadable);
    expect(
      readFirstSheet(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]), { maxRows: 10 }),
    ).toEqual(unreadable);
    // A sheet entry that inflates to more than it declares (a zip bomb's lie) is never parsed.
    const good = workbook({ s: sheet });
    expect(readFirstSheet(good, { maxRows: 10 })).toMatchObject({ ok: true });
    const lying = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet r:id="r1"/></sheets></workbook>' },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="r1" Target="worksheets/s.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/s.xml',
        data: `<worksheet><sheetData>${sheet.repeat(5000)}</sheetData></worksheet>`,
        declaredUncompressedSize: 100,
      },
    ]);
    expect(readFirstSheet(lying, { maxRows: 10 })).toEqual(unreadable);
    // A cell reference past column XFD is no sheet Excel wrote.
    expect(
      readFirstSheet(workbook({ s: '<row r="1"><c r="AAAAAAA1"><v>1</v></c></row>' }), { maxRows: 10 }),
    ).toEqual(unreadable);
  });
});
