/**
 * Renders an `OfficialDocument` as a .docx in the 公文 layout of GB/T 9704-2012: red issuer mark
 * and 发文字号 over a red rule, 小标宋 title, 仿宋 三号 body on a fixed 28 pt line, 黑体/楷体/仿宋
 * headings, bordered tables, 落款 and date at the right, `— 1 —` page numbers at the outside corners.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  type Table,
} from 'docx';
import {
  FONT,
  RED,
  SIZE_PT,
  TITLE_LINE_PT,
  formatDocumentDate,
  isAddressee,
  issuerFontSizePt,
  signatureIndents,
} from './document-layout.ts';
import type { DocumentBlock, OfficialDocument } from './document-model.ts';
import {
  PAGE_SETUP,
  blankLine,
  line,
  pageNumberFooters,
  run,
  table,
  twips,
  type RunStyle,
} from './docx-parts.ts';

const BODY: RunStyle = { font: FONT.fangsong, sizePt: SIZE_PT.sanhao };
const HEADING: Record<1 | 2 | 3, RunStyle> = {
  1: { font: FONT.heiti, sizePt: SIZE_PT.sanhao },
  2: { font: FONT.kaiti, sizePt: SIZE_PT.sanhao },
  3: { font: FONT.fangsong, sizePt: SIZE_PT.sanhao, bold: true },
};

/** 版头: issuer mark in red, 发文字号 centred under it, then the red rule across the body. */
function masthead(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.issuer) {
    const sizePt = issuerFontSizePt(doc.issuer);
    out.push(
      line(
        doc.issuer,
        { font: FONT.xiaobiaosong, sizePt, color: RED },
        { align: 'center', linePt: sizePt * 1.3 },
      ),
      blankLine(),
    );
  }
  if (!doc.issuer && !doc.documentNumber) return out;
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: twips(28), lineRule: LineRuleType.EXACT, after: twips(12) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: doc.documentNumber ? [run(doc.documentNumber, BODY)] : [],
    }),
    blankLine(),
  );
  return out;
}

/** Title (二号 小标宋, centred; each `\n` is a line) and the subtitle or 主送机关 line. */
function titleBlock(doc: OfficialDocument): Paragraph[] {
  const titleStyle: RunStyle = { font: FONT.xiaobiaosong, sizePt: SIZE_PT.erhao };
  const out = doc.title
    .split('\n')
    .map((text) => line(text, titleStyle, { align: 'center', linePt: TITLE_LINE_PT, keepNext: true }));
  out.push(blankLine());
  if (doc.subtitle) {
    out.push(
      isAddressee(doc.subtitle)
        ? line(doc.subtitle, BODY)
        : line(doc.subtitle, { font: FONT.kaiti, sizePt: SIZE_PT.sanhao }, { align: 'center' }),
    );
  }
  return out;
}

function block(item: DocumentBlock): Array<Paragraph | Table> {
  switch (item.kind) {
    case 'heading':
      return [line(item.text, HEADING[item.level], { firstLineChars: 2, keepNext: true })];
    case 'paragraph':
      return item.text.split('\n').map((text) =>
        line(text, BODY, {
          align: item.align ?? 'left',
          firstLineChars: item.indent === false || (item.align && item.align !== 'left') ? 0 : 2,
        }),
      );
    case 'table':
      return item.columns.length === 0 ? [] : [table(item.columns, item.rows, item.widths), blankLine()];
    case 'list':
      return item.items.map((text) => line(text, BODY, { firstLineChars: 2 }));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** 落款 and 成文日期 at the right, after a blank line; the date in Arabic numerals. */
function closing(doc: OfficialDocument): Paragraph[] {
  const dateText = formatDocumentDate(doc.date, doc.lang);
  const indents = signatureIndents(doc.signature ?? '', dateText);
  const out: Paragraph[] = [blankLine(), blankLine()];
  if (doc.signature) {
    out.push(line(doc.signature, BODY, { align: 'right', rightChars: indents.signature, keepNext: true }));
  }
  out.push(line(dateText, BODY, { align: 'right', rightChars: indents.date }));
  return out;
}

/**
 * Renders the document as DOCX bytes. Core properties carry the title, subject and creator.
 *
 * @example const bytes = await renderDocx(report); // Buffer starting with 'PK'
 */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title.replace(/\n/g, ''),
    subject: doc.meta?.subject ?? '',
    creator: doc.meta?.author ?? doc.issuer ?? 'Zhijiao',
    description: doc.documentNumber ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia: FONT.fangsong },
            size: SIZE_PT.sanhao * 2,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: { page: PAGE_SETUP },
        footers: pageNumberFooters(doc.lang),
        children: [...masthead(doc), ...titleBlock(doc), ...doc.blocks.flatMap(block), ...closing(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
