/**
 * Building blocks of the DOCX renderer: runs with their East Asian font set (w:eastAsia, so Word
 * and WPS pick 仿宋/黑体/楷体 for Chinese text), body paragraphs on the 28 pt grid, the table and
 * the outside-corner page-number footers.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { BODY_WIDTH_PT, FONT, LINE_PT, PAGE_MM, SIZE_PT, pageNumberAffixes } from './document-layout.ts';
import type { OfficialDocument } from './document-model.ts';

/** Points to twentieths of a point (twips), the unit of indents, spacing and widths. */
export const twips = (pt: number): number => Math.round(pt * 20);

/** What a run looks like: East Asian font, size in points, and emphasis. */
export interface RunStyle {
  font: string;
  sizePt: number;
  bold?: boolean;
  color?: string;
}

/**
 * A text run whose Chinese characters use `style.font` and whose Latin letters and digits use
 * Times New Roman (the usual 公文 pairing); marked zh-CN so spell-check and line breaking agree.
 */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia: style.font, hint: 'eastAsia' },
    size: style.sizePt * 2,
    bold: style.bold ?? false,
    color: style.color,
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  });
}

/** Paragraph options shared by body-like lines. */
export interface LineOptions {
  align?: 'left' | 'center' | 'right';
  /** First-line indent in characters of the run's size (2 for body text). */
  firstLineChars?: number;
  /** Right indent in characters (the date's 右空四字). */
  rightChars?: number;
  linePt?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** A one-run paragraph at a fixed line pitch (28 pt unless told). */
export function line(text: string, style: RunStyle, options: LineOptions = {}): Paragraph {
  return new Paragraph({
    children: [run(text, style)],
    alignment: ALIGN[options.align ?? 'left'],
    spacing: { line: twips(options.linePt ?? LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: {
      firstLine: twips((options.firstLineChars ?? 0) * style.sizePt),
      right: twips((options.rightChars ?? 0) * style.sizePt),
    },
    keepNext: options.keepNext ?? false,
  });
}

/** An empty line of body height (the standard's 空一行). */
export function blankLine(): Paragraph {
  return line('', { font: FONT.fangsong, sizePt: SIZE_PT.sanhao });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

/**
 * A bordered table across the body width, 仿宋 小四; the header row is bold and repeats on each
 * page; rows don't split across pages.
 */
export function table(columns: string[], rows: string[][], widths?: number[]): Table {
  const relative = columns.map((_, i) => Math.max(0.0001, widths?.[i] ?? 1));
  const total = relative.reduce((sum, w) => sum + w, 0);
  const columnTwips = relative.map((w) => Math.floor((twips(BODY_WIDTH_PT) * w) / total));
  const cell = (text: string, index: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: columnTwips[index] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map((part) =>
        line(
          part,
          { font: FONT.fangsong, sizePt: SIZE_PT.xiaosi, bold: header },
          {
            align: header ? 'center' : 'left',
            linePt: 18,
          },
        ),
      ),
    });
  const row = (cells: string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: columns.map((_, i) => cell(cells[i] ?? '', i, header)),
    });
  return new Table({
    width: { size: twips(BODY_WIDTH_PT), type: WidthType.DXA },
    columnWidths: columnTwips,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [row(columns, true), ...rows.map((cells) => row(cells, false))],
  });
}

/**
 * Page-number footers, 4号 宋体 `— 1 —`: odd pages at the right, even pages at the left, one
 * character in from the edge of the body (GB/T 9704 §7.5). Needs `evenAndOddHeaderAndFooters`.
 */
export function pageNumberFooters(lang: OfficialDocument['lang']): { default: Footer; even: Footer } {
  const [before, after] = pageNumberAffixes(lang);
  const style: RunStyle = { font: FONT.songti, sizePt: SIZE_PT.sihao };
  const footer = (align: 'left' | 'right'): Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: align === 'right' ? { right: twips(SIZE_PT.sihao) } : { left: twips(SIZE_PT.sihao) },
          children: [
            new TextRun({
              children: [before, PageNumber.CURRENT, after],
              font: { ascii: FONT.songti, hAnsi: FONT.songti, cs: FONT.songti, eastAsia: FONT.songti },
              size: style.sizePt * 2,
            }),
          ],
        }),
      ],
    });
  return { default: footer('right'), even: footer('left') };
}

/** Section page setup: A4 with the standard's margins; the footer sits 7 mm below the body. */
export const PAGE_SETUP = {
  size: { width: convertMillimetersToTwip(PAGE_MM.width), height: convertMillimetersToTwip(PAGE_MM.height) },
  margin: {
    top: convertMillimetersToTwip(PAGE_MM.top),
    bottom: convertMillimetersToTwip(PAGE_MM.bottom),
    left: convertMillimetersToTwip(PAGE_MM.left),
    right: convertMillimetersToTwip(PAGE_MM.right),
    header: convertMillimetersToTwip(15),
    footer: convertMillimetersToTwip(PAGE_MM.bottom - 7 - 5),
  },
};
