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

/**
 * A workbook from its parts as written (the sheet, the shared strings and, if given, the workbook
 * and its rels), stored uncompressed: hostile parts are repetitive, and deflated they would meet
 * the upload guard's ratio limit before the reader.
 */
function parts(p: { sheet: string; shared?: string; workbook?: string; rels?: string }) {
  return buildZip(
    [
      {
        name: 'xl/workbook.xml',
        data:
          p.workbook ??
          '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: p.rels ?? '<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>',
      },
      ...(p.shared === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: p.shared }]),
      { name: 'xl/worksheets/s.xml', data: p.sheet },
    ].map((e) => ({ ...e, method: 'store' as const })),
  );
}

/** A sheet part around rows. */
const sheetOf = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

/** An inline-string cell. */
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

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
    const far = `${rows(2)}<row r="900000"><c r="A900000" s="1"/></row><row r="1048576" s="1" customFormat="1"/>`;
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
    const unreadable = expect.objectContaining({ ok: false, code: 'UNREADABLE' });
    expect(readFirstSheet(Buffer.from('统一社会信用代码,年度\n'), { maxRows: 10 })).toEqual({
      ok: false,
      code: 'UNREADABLE',
      why: {
        zh: '不是 Excel 工作簿（.xlsx），或找不到工作表',
        en: 'not an Excel workbook (.xlsx), or it has no worksheet',
      },
    });
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

  describe('hostile input: read in one pass, what is kept bounded (security review of the reader)', () => {
    const unreadable = expect.objectContaining({ ok: false, code: 'UNREADABLE' });
    const N = 100_000;

    it('refuses a start tag never closed (row, cell, shared string, text, phonetic guide, inline string) at once', () => {
      const cell = '<c r="A1" t="s"><v>0</v></c>';
      const cases = [
        parts({ sheet: sheetOf('<row>'.repeat(N)) }),
        parts({ sheet: sheetOf(`<row r="1">${'<c>'.repeat(N)}</row>`) }),
        parts({ sheet: sheetOf(`<row r="1">${cell}</row>`), shared: `<sst>${'<si>'.repeat(N)}</sst>` }),
        parts({
          sheet: sheetOf(`<row r="1">${cell}</row>`),
          shared: `<sst><si>${'<t>'.repeat(N)}</si></sst>`,
        }),
        parts({
          sheet: sheetOf(`<row r="1">${cell}</row>`),
          shared: `<sst><si><t>x</t>${'<rPh>'.repeat(N)}</si></sst>`,
        }),
        parts({ sheet: sheetOf(`<row r="1"><c r="A1" t="inlineStr">${'<is>'.repeat(N)}</c></row>`) }),
        // Shallow too: a sheet cut short.
        parts({ sheet: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>' }),
      ];
      for (const buffer of cases) expect(readFirstSheet(buffer, { maxRows: 60_000 })).toEqual(unreadable);
    });

    it('keeps at most maxColumns cells a row: a cell at column XFD on every row is ignored, not 16,384 cells', () => {
      const rows = Array.from(
        { length: 60_000 },
        (_, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="XFD${i + 1}" t="b"><v>1</v></c></row>`,
      ).join('');
      const read = readFirstSheet(parts({ sheet: sheetOf(rows) }), { maxRows: 60_000, maxColumns: 64 });
      expect(read).toMatchObject({ ok: true, rowCount: 60_000 });
      expect(read.ok && read.rows.every((r, i) => r.cells.length === 1 && r.cells[0] === String(i))).toBe(
        true,
      );
      // Cells right of maxColumns are neither kept nor make a row count; a reference past XFD is refused.
      const narrow = sheetOf(
        `<row r="1">${inline('A1', '甲')}${inline('D1', '丁')}</row><row r="2">${inline('E2', '戊')}</row>`,
      );
      expect(readFirstSheet(parts({ sheet: narrow }), { maxRows: 10, maxColumns: 3 })).toEqual({
        ok: true,
        rowCount: 1,
        rows: [{ row: 1, cells: ['甲'] }],
      });
      expect(
        readFirstSheet(parts({ sheet: sheetOf('<row r="1"><c r="XFE1"><v>1</v></c></row>') }), {
          maxRows: 10,
        }),
      ).toEqual(unreadable);
    });

    it('refuses row numbers that repeat or go back, so the row limit holds', () => {
      const header = `<row r="1">${inline('A1', '统一社会信用代码')}</row>`;
      const repeated = `<row r="2">${inline('A2', 'X')}</row>`.repeat(N);
      expect(readFirstSheet(parts({ sheet: sheetOf(header + repeated) }), { maxRows: 60_000 })).toEqual(
        unreadable,
      );
      const back = `${header}<row r="3">${inline('A3', 'X')}</row><row r="2">${inline('A2', 'Y')}</row>`;
      expect(readFirstSheet(parts({ sheet: sheetOf(back) }), { maxRows: 10 })).toMatchObject({
        code: 'UNREADABLE',
        why: { zh: '第 2 行的行号重复或倒序，文件可能已损坏' },
      });
      // Rows without a number follow the one before; past row 1,048,576 is no sheet.
      const next = `${header}<row>${inline('', 'Y')}</row>`;
      expect(readFirstSheet(parts({ sheet: sheetOf(next) }), { maxRows: 10 })).toMatchObject({
        ok: true,
        rowCount: 2,
      });
      const past = `<row r="1048577">${inline('A1048577', 'X')}</row>`;
      expect(readFirstSheet(parts({ sheet: sheetOf(past) }), { maxRows: 10 })).toEqual(unreadable);
    });

    it('reads a self-closed shared or inline string as empty, keeping the other strings in place', () => {
      const sheet = sheetOf(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is/></c><c r="D1" t="s"><v>2</v></c></row>',
      );
      const shared = '<sst><si/><si><t>乙</t></si><si><t>丁</t></si></sst>';
      expect(readFirstSheet(parts({ sheet, shared }), { maxRows: 10 })).toEqual({
        ok: true,
        rowCount: 1,
        rows: [{ row: 1, cells: ['', '乙', '', '丁'] }],
      });
    });

    it('refuses characters XML forbids, raw or as references (NUL, controls, lone surrogates, U+FFFE)', () => {
      for (const text of [
        'a&#0;b',
        'a&#x1;b',
        'a\u0001b',
        'a&#xD800;b',
        'a&#xDFFF;b',
        'a&#xFFFE;b',
        'a&#xFFFF;b',
        'a\u000Bb',
      ]) {
        const sheet = sheetOf(`<row r="1">${inline('A1', text)}</row>`);
        expect(readFirstSheet(parts({ sheet }), { maxRows: 10 }), text).toEqual(unreadable);
        const shared = `<sst><si><t>${text}</t></si></sst>`;
        const viaShared = sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
        expect(readFirstSheet(parts({ sheet: viaShared, shared }), { maxRows: 10 }), text).toEqual(
          unreadable,
        );
      }
      // Tab, line feed and characters past the BMP are text.
      const sheet = sheetOf(`<row r="1">${inline('A1', '甲&#9;乙&#x1F600;')}</row>`);
      expect(readFirstSheet(parts({ sheet }), { maxRows: 10 })).toMatchObject({
        rows: [{ cells: ['甲\t乙😀'] }],
      });
    });

    it('reads elements with a namespace prefix (as the Open XML SDK writes them) by their local name', () => {
      const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
      const r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
      const buffer = parts({
        workbook: `<x:workbook ${x} ${r}><x:sheets><x:sheet name="名单" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`,
        rels: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Target="worksheets/s.xml"/></Relationships>',
        shared: `<x:sst ${x}><x:si><x:t>甲</x:t></x:si></x:sst>`,
        sheet: `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      });
      expect(readFirstSheet(buffer, { maxRows: 10 })).toEqual({
        ok: true,
        rowCount: 1,
        rows: [{ row: 1, cells: ['甲', '乙', '3'] }],
      });
    });

    it('skips comments and reads CDATA as text', () => {
      const sheet = sheetOf(
        `<row r="1">${inline('A1', '甲<!-- 注释 -->乙')}<c r="B1"><v><!-- 9 -->7</v></c>${inline('C1', '<![CDATA[a<b&c]]>')}</row><!-- <row r="2">${inline('A2', '不是数据')}</row> -->`,
      );
      const shared = '<sst><!-- <si><t>不是</t></si> --><si><t><![CDATA[<丙>]]></t></si></sst>';
      const withShared = sheet.replace('<row r="1">', '<row r="1"><c r="D1" t="s"><v>0</v></c>');
      expect(readFirstSheet(parts({ sheet: withShared, shared }), { maxRows: 10 })).toEqual({
        ok: true,
        rowCount: 1,
        rows: [{ row: 1, cells: ['甲乙', '7', 'a<b&c', '<丙>'] }],
      });
    });

    it('reads parts larger than one parse slice (256 KiB) whole: a character across the boundary, a byte order mark', () => {
      const sheet = sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>');
      for (const bom of ['', '\uFEFF']) {
        // '甲' (3 bytes) starts one byte before the first slice ends (after the BOM's 3 bytes, if any);
        // the padding is white space between elements (a cell's text may not be that long).
        const head = `${bom}<sst><si><t>`;
        const pad = ' '.repeat(256 * 1024 - 1 - (Buffer.byteLength(head) - (bom ? 3 : 0)));
        const shared = `${bom}<sst>${pad}<si><t>甲乙</t></si><si><t>丙</t></si></sst>`;
        expect(readFirstSheet(parts({ sheet, shared }), { maxRows: 10 })).toEqual({
          ok: true,
          rowCount: 1,
          rows: [{ row: 1, cells: ['甲乙', '丙'] }],
        });
      }
    });

    it('refuses a DOCTYPE (no workbook has one; its entities are never expanded)', () => {
      const sheet = `<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>${sheetOf(`<row r="1">${inline('A1', '&b;')}</row>`)}`;
      expect(readFirstSheet(parts({ sheet }), { maxRows: 10 })).toEqual(unreadable);
    });
    it('refuses a cell text past Excel’s 32,767 characters (shared, inline or value), and trims a shared string once', () => {
      const long = 'a'.repeat(32_768);
      const oneCell = (cell: string) => sheetOf(`<row r="1">${cell}</row>`);
      for (const workbook of [
        parts({
          sheet: oneCell('<c r="A1" t="s"><v>0</v></c>'),
          shared: `<sst><si><t>${long}</t></si></sst>`,
        }),
        parts({ sheet: oneCell(inline('A1', long)) }),
        parts({ sheet: oneCell(`<c r="A1" t="str"><v>${long}</v></c>`) }),
      ])
        expect(readFirstSheet(workbook, { maxRows: 10 })).toEqual(unreadable);
      // The refusal names the cell, so a clerk can find it — also a shared text's (the first cell using it).
      expect(
        readFirstSheet(
          parts({
            sheet: sheetOf(
              '<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="7"><c r="D7" t="s"><v>0</v></c></row>',
            ),
            shared: `<sst><si><t>${long}</t></si><si><t>ok</t></si></sst>`,
          }),
          { maxRows: 10 },
        ),
      ).toMatchObject({
        code: 'UNREADABLE',
        why: { zh: '单元格 D7 的文字超过 Excel 单元格上限 32767 个字符' },
      });
      const at = (cell: string) => sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row><row r="5">${cell}</row>`);
      expect(readFirstSheet(parts({ sheet: at(inline('AB5', long)) }), { maxRows: 10 })).toMatchObject({
        why: { zh: '单元格 AB5 的文字超过 Excel 单元格上限 32767 个字符' },
      });
      expect(
        readFirstSheet(parts({ sheet: at(`<c r="C5" t="str"><v>${long}</v></c>`) }), { maxRows: 10 }),
      ).toMatchObject({ why: { en: 'cell C5 holds more than Excel’s 32,767 characters' } });
      // At the limit it is read; a string of spaces used by many cells is empty in each (no row).
      const most = 'a'.repeat(32_767);
      const spaces = ' '.repeat(32_767);
      const cells = Array.from(
        { length: 50 },
        (_, i) => `<c r="${String.fromCharCode(66 + (i % 20))}${Math.floor(i / 20) + 2}" t="s"><v>1</v></c>`,
      );
      const sheet = sheetOf(
        `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2">${cells.slice(0, 20).join('')}</row><row r="3">${cells.slice(20, 40).join('')}</row>`,
      );
      const shared = `<sst><si><t>${most}</t></si><si><t>${spaces}</t></si></sst>`;
      expect(readFirstSheet(parts({ sheet, shared }), { maxRows: 10 })).toEqual({
        ok: true,
        rowCount: 1,
        rows: [{ row: 1, cells: [most] }],
      });
    });

    it('refuses more shared strings than the rows and columns it may read could use', () => {
      const sheet = sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
      const shared = (n: number) => `<sst>${'<si><t>x</t></si>'.repeat(n)}</sst>`;
      expect(
        readFirstSheet(parts({ sheet, shared: shared(6) }), { maxRows: 1, maxColumns: 3 }),
      ).toMatchObject({
        ok: true,
      });
      expect(readFirstSheet(parts({ sheet, shared: shared(7) }), { maxRows: 1, maxColumns: 3 })).toEqual(
        unreadable,
      );
    });
  });
});
