/**
 * One reader of uploaded .xlsx for the bulk imports: the first worksheet's cells as trimmed texts,
 * row by row, read straight from the parts the upload guard checked (`extractZipEntries`: its
 * zip-bomb limits, in memory, no temporary files). Only what an import needs is read — the
 * workbook's sheet list, the shared strings, the cell formats that make a number a date, and the
 * one sheet — with no workbook model, styles or formula engine, so a 50,000-row sheet takes a
 * fraction of a second where ExcelJS's `xlsx.load` took seconds (issue 13).
 *
 * A cell's text is what ExcelJS's value would print as: a string as written (rich text joined,
 * phonetic guides left out), a number as JavaScript prints it, a date-formatted number as its date
 * `YYYY-MM-DD`, a boolean `true`/`false`, an error empty; a formula cell its cached result, never
 * the formula (an uploaded formula is not evaluated).
 */
import { extractZipEntries } from './file-guard.ts';

/** A row with at least one non-empty cell: its sheet row number and its texts by column (0 = A). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Why a workbook was not read: not an xlsx the guard and this reader accept, or rows past the limit. */
export type SheetReadError = 'UNREADABLE' | 'TOO_MANY_ROWS';

/** `readFirstSheet`'s answer: the non-empty rows and the last row number holding a value. */
export type SheetRead =
  { ok: true; rowCount: number; rows: SheetRow[] } | { ok: false; code: SheetReadError };

/** The built-in number formats that are dates or times (ECMA-376 §18.8.30, as ExcelJS knows them). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when, outside brackets and quotes, it has a date or time letter. */
const isDateFormat = (code: string) =>
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Columns a sheet has at most (XFD): a reference past it is not a workbook Excel wrote. */
const MAX_COLUMNS = 16_384;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character and entity references (text and attribute values). */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** One pattern per attribute name, made once: a sheet asks for the same few names of every cell. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` in a tag's attribute text, decoded, or undefined. */
function attribute(attrs: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? decode(m[1] ?? m[2]!) : undefined;
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function stringItemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += m[1] ?? '';
  return decode(text);
}

const utf8 = (part: Buffer) => part.toString('utf8').replace(/^\uFEFF/, '');

/** The path of the workbook's first sheet (workbook order, not file names), from the workbook and its rels. */
function firstSheetPath(workbook: string, rels: string): string | null {
  const sheet = /<sheet\b([^>]*)>/.exec(workbook);
  const id = sheet && (attribute(sheet[1]!, 'r:id') ?? attribute(sheet[1]!, '[\\w.-]+:id'));
  if (!id) return null;
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    if (attribute(m[1]!, 'Id') !== id) continue;
    const target = attribute(m[1]!, 'Target');
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
  }
  return null;
}

/** Which cell formats (`s` indexes) show numbers as dates. */
function dateStyles(styles: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!styles) return dates;
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*)>/g))
    custom.set(
      Number(attribute(m[1]!, 'numFmtId')),
      (attribute(m[1]!, 'formatCode') ?? '').replace(/\\(.)/g, '$1'),
    );
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
    index++;
  }
  return dates;
}

/** `AB` → 27 (1-based), from a cell reference like `AB12`; 0 when there is none. */
function columnOf(ref: string | undefined): number {
  let column = 0;
  if (ref)
    for (let i = 0; i < ref.length; i++) {
      const c = ref.charCodeAt(i);
      if (c < 65 || c > 90) break;
      column = column * 26 + (c - 64);
    }
  return column;
}

/** An Excel serial day as `YYYY-MM-DD` (the 1900 or 1904 date system), as ExcelJS dates it. */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * Reads the first worksheet of an .xlsx upload: every row holding a value, its cells as trimmed
 * texts. Refuses (`UNREADABLE`) what the upload guard refuses or what is not a workbook, and
 * (`TOO_MANY_ROWS`) a sheet with a value below row `maxRows + 1` (the header and `maxRows` rows),
 * as soon as it meets it.
 *
 * @example
 * readFirstSheet(buffer, { maxRows: 60_000 })
 * // { ok: true, rowCount: 3, rows: [{ row: 1, cells: ['统一社会信用代码', '年度'] }, { row: 3, cells: ['9114…', '2024'] }] }
 */
export function readFirstSheet(buffer: Buffer, opts: { maxRows: number }): SheetRead {
  const unreadable = { ok: false, code: 'UNREADABLE' } as const;
  const parts = extractZipEntries(buffer, (name) => name.startsWith('xl/'));
  if (!parts.ok) return unreadable;
  const workbook = parts.entries.get('xl/workbook.xml');
  const rels = parts.entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return unreadable;
  const workbookXml = utf8(workbook);
  const sheetPath = firstSheetPath(workbookXml, utf8(rels));
  const sheet = sheetPath ? parts.entries.get(sheetPath) : undefined;
  if (!sheet) return unreadable;
  const pr = /<workbookPr\b([^>]*)>/.exec(workbookXml);
  const date1904 = ['1', 'true'].includes(pr ? (attribute(pr[1]!, 'date1904') ?? '') : '');
  const shared = parts.entries.get('xl/sharedStrings.xml');
  const strings = shared
    ? [...utf8(shared).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => stringItemText(m[1]!))
    : [];
  const styles = parts.entries.get('xl/styles.xml');
  const dates = dateStyles(styles && utf8(styles));

  const xml = utf8(sheet);
  const rows: SheetRow[] = [];
  let rowCount = 0;
  let rowNumber = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    rowNumber = Number(attribute(rowMatch[1]!, 'r') ?? rowNumber + 1);
    if (!Number.isSafeInteger(rowNumber) || rowNumber < 1) return unreadable;
    const cells: string[] = [];
    let column = 0;
    let any = false;
    for (const c of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      column = columnOf(attribute(attrs, 'r')) || column + 1;
      if (column > MAX_COLUMNS) return unreadable;
      const body = c[2] ?? '';
      const type = attribute(attrs, 't') ?? 'n';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 'inlineStr') {
        const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body);
        text = is ? stringItemText(is[1]!) : '';
      } else if (v !== undefined) {
        const value = decode(v);
        if (type === 's') text = strings[Number(value)] ?? '';
        else if (type === 'str') text = value;
        else if (type === 'b') text = String(parseInt(value, 10) !== 0);
        else if (type === 'e') text = '';
        else {
          const n = parseFloat(value);
          const style = Number(attribute(attrs, 's') ?? -1);
          text = dates.has(style) ? serialDate(n, date1904) : String(n);
        }
      }
      text = text.trim();
      if (text === '') continue;
      cells[column - 1] = text;
      any = true;
    }
    if (!any) continue;
    if (rowNumber > opts.maxRows + 1) return { ok: false, code: 'TOO_MANY_ROWS' };
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
    rowCount = Math.max(rowCount, rowNumber);
  }
  return { ok: true, rowCount, rows };
}
