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
import { SaxesParser } from 'saxes';
import { extractZipEntries } from './file-guard.ts';

/** A row with at least one non-empty cell: its sheet row number and its texts by column (0 = A). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Why a workbook was not read: not an xlsx the guard and this reader accept, or rows past the limit. */
type SheetReadError = 'UNREADABLE' | 'TOO_MANY_ROWS';

/** Why a workbook is unreadable, in words a clerk can act on (zh, en). */
type Why = { zh: string; en: string };

const WHY = {
  notWorkbook: {
    zh: '不是 Excel 工作簿（.xlsx），或找不到工作表',
    en: 'not an Excel workbook (.xlsx), or it has no worksheet',
  },
  malformed: {
    zh: '工作表内容格式有误，文件可能已损坏，请用 Excel 打开后另存为 .xlsx 再导入',
    en: 'the worksheet is not well-formed (the file may be damaged): open it in Excel, save it as .xlsx and import again',
  },
  rowOrder: (row: number) => ({
    zh: `第 ${row} 行的行号重复或倒序，文件可能已损坏`,
    en: `row number ${row} repeats or goes backwards (the file may be damaged)`,
  }),
  columnRange: {
    zh: '单元格引用超出 Excel 的最大列（XFD）',
    en: 'a cell reference lies past Excel’s last column (XFD)',
  },
  cellTooLong: (cell: string) => ({
    zh: `单元格 ${cell} 的文字超过 Excel 单元格上限 32767 个字符`,
    en: `cell ${cell} holds more than Excel’s 32,767 characters`,
  }),
  tooManyStrings: {
    zh: '文件中的文本条目多于行数上限所能容纳的',
    en: 'the file holds more texts than its row limit allows',
  },
} satisfies Record<string, Why | ((...args: never[]) => Why)>;

/** `readFirstSheet`'s answer: the non-empty rows and the last row number holding a value. */
export type SheetRead =
  | { ok: true; rowCount: number; rows: SheetRow[] }
  | { ok: false; code: 'TOO_MANY_ROWS' }
  | { ok: false; code: 'UNREADABLE'; why: Why };

/** The built-in number formats that are dates or times (ECMA-376 §18.8.30, as ExcelJS knows them). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * A format code shows a date or time when, outside brackets and quotes, it has a date or time
 * letter (one pass: an unclosed bracket or quote hides the rest of the code).
 */
function isDateFormat(code: string): boolean {
  let closer = '';
  for (const ch of code) {
    if (closer) {
      if (ch === closer) closer = '';
    } else if (ch === '[') closer = ']';
    else if (ch === '"') closer = '"';
    else if ('ymdhMsb'.includes(ch)) return true;
  }
  return false;
}

/** Columns a sheet has at most (XFD): a reference past it is not a workbook Excel wrote. */
const MAX_COLUMNS = 16_384;

/** Columns kept when the caller names no `maxColumns`: what is kept stays bounded (rows × columns). */
const DEFAULT_MAX_COLUMNS = 256;

/** Rows a sheet has at most: a row number past it is not a workbook Excel wrote. */
const MAX_SHEET_ROWS = 1_048_576;

/**
 * Elements open at once at most: a workbook's parts nest a few levels (a rich-text run in a string
 * in a cell in a row in the sheet data), so a deeper part — tags opened and never closed — is
 * refused as soon as it gets there, not after the parser has stacked them all.
 */
const MAX_DEPTH = 64;

/** Characters a cell holds at most (Excel's limit): a longer text is no cell Excel wrote, and would cost every use of it. */
const MAX_CELL_TEXT = 32_767;

/** Appends a text event to a cell's text, refusing the part past Excel's cell limit; `where` names the cell. */
function appended(text: string, more: string, where: string): string {
  if (text.length + more.length > MAX_CELL_TEXT) throw new Stop('UNREADABLE', WHY.cellTooLong(where));
  return text + more;
}

/** Bytes of a part decoded and parsed at a time. */
const PARSE_CHUNK = 256 * 1024;

/** Thrown by a part's handlers to end its parse at once (a refusal, or all that was needed). */
class Stop {
  constructor(
    readonly code: SheetReadError | null,
    readonly why: Why = WHY.malformed,
  ) {}
}

/** An element's name without its namespace prefix (`x:row` → `row`: the Open XML SDK writes prefixes). */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** What `walk` tells a part's reader: elements by local name, their attributes as written, and text. */
interface PartHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /** Character data: text (references decoded) and CDATA sections; comments are never passed. */
  text?(text: string): void;
}

/**
 * Parses one XML part with saxes (a streaming parser: linear time, well-formedness checked): an
 * unclosed tag, a character XML forbids (raw or as `&#0;`), an undefined entity or a DOCTYPE (no
 * workbook has one), or elements nested deeper than `MAX_DEPTH` makes the part unreadable. Handlers may throw `Stop` to end early.
 */
function walk(part: Buffer, on: PartHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new Stop('UNREADABLE');
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw new Stop('UNREADABLE');
    on.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  const close = on.close;
  parser.on('closetag', (tag) => {
    depth--;
    close?.(localName(tag.name));
  });
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  try {
    // Decoded a slice at a time: a part stopped early is never decoded whole, and a large sheet
    // is never held twice (bytes and text) at once.
    for (let at = part[0] === 0xef && part[1] === 0xbb && part[2] === 0xbf ? 3 : 0; at < part.length;) {
      const limit = Math.min(at + PARSE_CHUNK, part.length);
      // Not inside a character: back off its continuation bytes (10xxxxxx, three at most).
      let end = limit;
      while (end < part.length && end > limit - 3 && (part[end]! & 0xc0) === 0x80) end--;
      parser.write(part.toString('utf8', at, end));
      at = end;
    }
    parser.close();
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop('UNREADABLE');
  }
}

/** The text of each string item (`<si>` in the shared strings): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
class StringItem {
  /**
   * `cell` names the inline string's cell (`C5`), refused at once past the limit; a shared string
   * (no cell) is marked `tooLong` instead, its text no longer kept, and refused by the first cell using it.
   */
  constructor(readonly cell: string | null = null) {}
  tooLong = false;
  depth = 0;
  private inT = 0;
  private inPhonetic = 0;
  text = '';
  /** Follows an element inside the item (`<is>` or `<si>` itself excluded). */
  open(name: string) {
    if (name === 'rPh') this.inPhonetic++;
    else if (name === 't') this.inT++;
    this.depth++;
  }
  close(name: string) {
    if (name === 'rPh') this.inPhonetic--;
    else if (name === 't') this.inT--;
    this.depth--;
  }
  add(text: string) {
    if (this.inT === 0 || this.inPhonetic > 0 || this.tooLong) return;
    if (this.cell === null && this.text.length + text.length > MAX_CELL_TEXT) {
      this.tooLong = true;
      this.text = '';
    } else this.text = appended(this.text, text, this.cell ?? '');
  }
}

/** The path of the workbook's first sheet (workbook order, not file names), from the workbook and its rels. */
function firstSheetPath(workbook: Buffer, rels: Buffer): { path: string | null; date1904: boolean } {
  let id: string | undefined;
  let date1904 = false;
  walk(workbook, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      else if (name === 'sheet' && id === undefined) {
        const key = Object.keys(attributes).find((k) => k.endsWith(':id'));
        id = key === undefined ? '' : attributes[key]!;
      }
    },
  });
  let path: string | null = null;
  if (id)
    walk(rels, {
      open(name, attributes) {
        if (name !== 'Relationship' || attributes.Id !== id || path !== null) return;
        const target = attributes.Target;
        path = !target
          ? ''
          : target.startsWith('/')
            ? target.slice(1)
            : `xl/${target}`.replace(/\/\.\//g, '/');
      },
    });
  return { path: path || null, date1904 };
}

/** Which cell formats (`s` indexes) show numbers as dates. */
function dateStyles(styles: Buffer | undefined): Set<number> {
  const dates = new Set<number>();
  if (!styles) return dates;
  const custom = new Map<number, string>();
  const formats: number[] = [];
  const path: string[] = [];
  walk(styles, {
    open(name, attributes) {
      if (name === 'numFmt')
        custom.set(Number(attributes.numFmtId), (attributes.formatCode ?? '').replace(/\\(.)/g, '$1'));
      else if (name === 'xf' && path[path.length - 1] === 'cellXfs')
        formats.push(Number(attributes.numFmtId ?? 0));
      path.push(name);
    },
    close() {
      path.pop();
    },
  });
  formats.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
  });
  return dates;
}

/**
 * The shared strings' texts in order (a self-closed `<si/>` is an empty string, keeping the others'
 * places); null for a text past Excel's cell limit (`TOO_LONG`), refused where a cell uses it.
 */
function sharedStrings(xml: Buffer, maxItems: number): Array<string | null> {
  const strings: Array<string | null> = [];
  let item: StringItem | null = null;
  walk(xml, {
    open(name) {
      if (item) item.open(name);
      else if (name === 'si') {
        if (strings.length >= maxItems) throw new Stop('UNREADABLE', WHY.tooManyStrings);
        item = new StringItem();
      }
    },
    close(name) {
      if (item && item.depth > 0) item.close(name);
      else if (item && name === 'si') {
        // Trimmed once here, not at each cell that uses it; no sheet within the limits uses more.
        if (strings.length >= maxItems) throw new Stop('UNREADABLE', WHY.tooManyStrings);
        strings.push(item.tooLong ? null : item.text.trim());
        item = null;
      }
    },
    text(text) {
      item?.add(text);
    },
  });
  return strings;
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

/** A column's letters (1 → A, 28 → AB). */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** An Excel serial day as `YYYY-MM-DD` (the 1900 or 1904 date system), as ExcelJS dates it. */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell being read: its attributes, its first `<v>` and its inline string (`<is>`). */
interface CellState {
  column: number;
  type: string;
  style: number;
  value: string | undefined;
  inValue: boolean;
  inline: StringItem | null;
  /** Whether the cell's inline string was closed (only the first `<is>` is read). */
  inlineDone: boolean;
}

/** A cell's text from its type, value and format, as ExcelJS's value would print (see the file's comment). */
function cellText(
  cell: CellState,
  strings: ReadonlyArray<string | null>,
  dates: Set<number>,
  date1904: boolean,
  name: string,
): string {
  if (cell.type === 'inlineStr') return cell.inline?.text ?? '';
  const value = cell.value;
  if (value === undefined) return '';
  if (cell.type === 's') {
    const text = strings[Number(value)];
    if (text === null) throw new Stop('UNREADABLE', WHY.cellTooLong(name));
    return text ?? '';
  }
  if (cell.type === 'str') return value;
  if (cell.type === 'b') return String(parseInt(value, 10) !== 0);
  if (cell.type === 'e' || value.trim() === '') return '';
  const n = parseFloat(value);
  return dates.has(cell.style) ? serialDate(n, date1904) : String(n);
}

/**
 * Reads the first worksheet of an .xlsx upload: every row holding a value, its cells as trimmed
 * texts. Every part is parsed once, in time linear in its size, and what is kept is bounded by
 * the options: at most `maxRows + 1` rows of at most `maxColumns` cells (256 unless named).
 *
 * Refuses (`UNREADABLE`) what the upload guard refuses, what is not a workbook, and what is not
 * well-formed XML (an unclosed tag, a character XML forbids such as `&#0;`, a DOCTYPE), row
 * numbers that do not strictly increase, and references past row 1,048,576 or column XFD.
 * Refuses (`TOO_MANY_ROWS`) a sheet with a value below row `maxRows + 1` (the header and
 * `maxRows` rows), as soon as it meets it. Cells right of column `maxColumns` are ignored (not
 * kept, not counted): an import reads its columns by header, and a remark far right is no reason
 * to refuse a file. Elements are matched on their local name (`x:row` as `row`), comments are
 * skipped and CDATA is text.
 *
 * @example
 * readFirstSheet(buffer, { maxRows: 60_000, maxColumns: 64 })
 * // { ok: true, rowCount: 3, rows: [{ row: 1, cells: ['统一社会信用代码', '年度'] }, { row: 3, cells: ['9114…', '2024'] }] }
 */
export function readFirstSheet(buffer: Buffer, opts: { maxRows: number; maxColumns?: number }): SheetRead {
  try {
    return read(buffer, opts);
  } catch (error) {
    if (error instanceof Stop)
      return error.code === 'TOO_MANY_ROWS'
        ? { ok: false, code: 'TOO_MANY_ROWS' }
        : { ok: false, code: 'UNREADABLE', why: error.why };
    throw error;
  }
}

function read(buffer: Buffer, opts: { maxRows: number; maxColumns?: number }): SheetRead {
  const unreadable = { ok: false, code: 'UNREADABLE', why: WHY.notWorkbook } as const;
  const parts = extractZipEntries(buffer, (name) => name.startsWith('xl/'));
  if (!parts.ok) return unreadable;
  const workbook = parts.entries.get('xl/workbook.xml');
  const rels = parts.entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return unreadable;
  const { path: sheetPath, date1904 } = firstSheetPath(workbook, rels);
  const sheet = sheetPath ? parts.entries.get(sheetPath) : undefined;
  if (!sheet) return unreadable;
  const maxColumns = Math.min(opts.maxColumns ?? DEFAULT_MAX_COLUMNS, MAX_COLUMNS);
  const shared = parts.entries.get('xl/sharedStrings.xml');
  const strings = shared ? sharedStrings(shared, (opts.maxRows + 1) * maxColumns) : [];
  const styles = parts.entries.get('xl/styles.xml');
  const dates = dateStyles(styles);

  const rows: SheetRow[] = [];
  let rowCount = 0;
  let rowNumber = 0;
  let row: { cells: string[]; column: number } | null = null;
  let cell: CellState | null = null;
  walk(sheet, {
    open(name, attributes) {
      if (cell) {
        if (cell.inline && !cell.inlineDone) cell.inline.open(name);
        else if (name === 'v' && cell.value === undefined && !cell.inline) {
          cell.value = '';
          cell.inValue = true;
        } else if (name === 'is' && !cell.inline)
          cell.inline = new StringItem(`${columnName(cell.column)}${rowNumber}`);
      } else if (row) {
        if (name !== 'c') return;
        const ref = columnOf(attributes.r);
        const column = ref || row.column + 1;
        if (column > MAX_COLUMNS) throw new Stop('UNREADABLE', WHY.columnRange);
        row.column = column;
        const style = Number(attributes.s ?? -1);
        cell = {
          column,
          type: attributes.t ?? 'n',
          style,
          value: undefined,
          inValue: false,
          inline: null,
          inlineDone: false,
        };
      } else if (name === 'row') {
        const r = attributes.r;
        const next = r === undefined ? rowNumber + 1 : /^[0-9]{1,7}$/.test(r) ? Number(r) : 0;
        // Excel writes rows in order, each once: a repeated or backward number is no sheet it wrote.
        if (next <= rowNumber || next > MAX_SHEET_ROWS)
          throw new Stop('UNREADABLE', WHY.rowOrder(next || rowNumber + 1));
        rowNumber = next;
        row = { cells: [], column: 0 };
      }
    },
    close(name) {
      if (cell) {
        if (cell.inline && !cell.inlineDone) {
          if (cell.inline.depth > 0) cell.inline.close(name);
          else cell.inlineDone = true;
        } else if (cell.inValue) cell.inValue = false;
        else if (name === 'c') {
          if (cell.column <= maxColumns) {
            const text = cellText(
              cell,
              strings,
              dates,
              date1904,
              `${columnName(cell.column)}${rowNumber}`,
            ).trim();
            if (text !== '') row!.cells[cell.column - 1] = text;
          }
          cell = null;
        }
      } else if (row && name === 'row') {
        const cells = row.cells;
        row = null;
        if (cells.length === 0) return;
        if (rowNumber > opts.maxRows + 1) throw new Stop('TOO_MANY_ROWS');
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        rows.push({ row: rowNumber, cells });
        rowCount = rowNumber;
      }
    },
    text(text) {
      if (!cell) return;
      if (cell.inValue) cell.value = appended(cell.value!, text, `${columnName(cell.column)}${rowNumber}`);
      else if (cell.inline && !cell.inlineDone) cell.inline.add(text);
    },
  });
  return { ok: true, rowCount, rows };
}
