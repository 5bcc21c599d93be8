/**
 * The print stylesheet of the HTML rendering: the same GB/T 9704 layout as the DOCX, with font
 * stacks that name the official fonts first (the bundled fontconfig maps them to Noto CJK on
 * Linux) and end with Noto CJK and a generic family, so no character is left without a glyph.
 */
import { LINE_PT, PAGE_MM, RED, SIZE_PT, TITLE_LINE_PT } from './document-layout.ts';

/** CSS font stacks per 公文 typeface. */
export const FONT_STACK = {
  fangsong: '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif',
  kaiti: '"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC", serif',
  heiti: '"SimHei", "黑体", "Noto Sans CJK SC", sans-serif',
  songti: '"SimSun", "宋体", "Noto Serif CJK SC", serif',
  xiaobiaosong: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimHei", "黑体", "Noto Serif CJK SC", serif',
} as const;

/** The document stylesheet (static: nothing from the document is interpolated into it). */
export const DOCUMENT_CSS = `
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: ${FONT_STACK.fangsong};
  font-size: ${SIZE_PT.sanhao}pt;
  line-height: ${LINE_PT}pt;
  color: #000;
  text-align: justify;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
p, h1, h2, h3, h4, ul { margin: 0; padding: 0; font-size: inherit; font-weight: normal; }
.masthead { text-align: center; color: #${RED}; }
.issuer { font-family: ${FONT_STACK.xiaobiaosong}; font-weight: 700; white-space: nowrap; }
.doc-number { color: #000; padding-bottom: 4mm; margin-top: ${LINE_PT}pt; border-bottom: 0.5mm solid #${RED}; }
.masthead + .title { margin-top: ${LINE_PT * 2}pt; }
.title {
  font-family: ${FONT_STACK.xiaobiaosong};
  font-size: ${SIZE_PT.erhao}pt;
  line-height: ${TITLE_LINE_PT}pt;
  font-weight: 700;
  text-align: center;
  margin-bottom: ${LINE_PT}pt;
}
.subtitle { font-family: ${FONT_STACK.kaiti}; text-align: center; }
.addressee { text-indent: 0; }
.body p, .body li, .body h2, .body h3, .body h4 { text-indent: 2em; }
.body p.no-indent { text-indent: 0; }
.body p.center { text-align: center; text-indent: 0; }
.body p.right { text-align: right; text-indent: 0; }
.body h2 { font-family: ${FONT_STACK.heiti}; }
.body h3 { font-family: ${FONT_STACK.kaiti}; }
.body h4 { font-weight: 700; }
.body h2, .body h3, .body h4 { break-after: avoid; page-break-after: avoid; }
.body ul { list-style: none; }
table {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  margin: 6pt 0 ${LINE_PT}pt;
  font-size: ${SIZE_PT.xiaosi}pt;
  line-height: 18pt;
}
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; text-align: left; }
th { font-weight: 700; text-align: center; }
td, th { white-space: pre-wrap; overflow-wrap: anywhere; }
.page-break { break-after: page; page-break-after: always; height: 0; }
.closing { margin-top: ${LINE_PT * 2}pt; text-align: right; break-inside: avoid; }
`;

/**
 * Chromium's footer template: the page number `— 1 —` in 4号 宋体, centred under the body (the
 * template cannot tell odd pages from even ones, so the PDF doesn't alternate corners).
 * Chromium fills `.pageNumber`; the template's default font size is tiny, so it is set here.
 */
export function footerTemplate(before: string, after: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<div style="width:100%;text-align:center;font-size:${SIZE_PT.sihao}pt;` +
    `font-family:${FONT_STACK.songti.replace(/"/g, "'")};margin:0 ${PAGE_MM.right}mm ${PAGE_MM.bottom - 7 - 5}mm ${PAGE_MM.left}mm;">` +
    `${escape(before)}<span class="pageNumber"></span>${escape(after)}</div>`
  );
}
