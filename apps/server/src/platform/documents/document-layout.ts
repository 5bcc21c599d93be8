/**
 * The 公文 layout (GB/T 9704-2012) shared by the DOCX and the HTML/PDF renderers, and the small
 * text helpers both need (date, page-number text, widths). One place, so both outputs agree.
 */
import { AppError } from '../errors/app-error.ts';
import type { OfficialDocument } from './document-model.ts';

/** A4 page and the standard's margins (天头 37 mm, 订口 28 mm …), in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Body width (版心宽) in points: 156 mm. */
export const BODY_WIDTH_PT = ((PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) / 25.4) * 72;

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = { erhao: 22, sanhao: 16, sihao: 14, xiaosi: 12 } as const;

/** Body line pitch: a fixed 28 pt, which gives the standard's 22 lines per page. */
export const LINE_PT = 28;
/** Line pitch of the title (二号). */
export const TITLE_LINE_PT = 35;
/** The issuer mark's red (GB/T 9704 asks for red; this is the usual 公文 red). */
export const RED = 'E60012';

/**
 * Font names as Word/WPS know them. The DOCX names them directly; the HTML lists them first in
 * each stack and the fontconfig file maps them to Noto CJK on Linux.
 */
export const FONT = {
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  songti: '宋体',
  xiaobiaosong: '方正小标宋简体',
  latin: 'Times New Roman',
} as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Formats the 成文日期 the way the 2012 standard prints it: Arabic numerals, no leading zeros.
 * Throws DOCUMENT_RENDER_FAILED for anything that is not a real calendar date.
 *
 * @example formatDocumentDate('2026-11-09', 'zh') // '2026年11月9日'
 * @example formatDocumentDate('2026-11-09', 'en') // '9 November 2026'
 */
export function formatDocumentDate(date: string, lang: OfficialDocument['lang']): string {
  const match = DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real =
    match !== null &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  if (!real) {
    throw new AppError('DOCUMENT_RENDER_FAILED', 500, { field: 'date', reason: `not a date: ${date}` });
  }
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/**
 * The page-number text around a number: `— 1 —` (一字线 each side) in Chinese, `Page 1` in English.
 * Renderers put their own page field or placeholder in the middle.
 */
export function pageNumberAffixes(lang: OfficialDocument['lang']): [before: string, after: string] {
  return lang === 'zh' ? ['— ', ' —'] : ['Page ', ''];
}

/**
 * Width of a line of text in character cells of its font size: a CJK character or full-width
 * mark counts 1, anything else ½. Used to centre the 落款 over the date and size the issuer mark.
 *
 * @example textWidthInChars('2026年11月29日') // 7 (three CJK cells + eight digits at ½)
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(char) ? 1 : 0.5;
  return width;
}

/**
 * The issuer mark's size: as large as 小初 (36 pt) but never wider than the body, never below 二号.
 *
 * @example issuerFontSizePt('长治市上党区教育局') // 36
 */
export function issuerFontSizePt(issuer: string): number {
  const fit = Math.floor(BODY_WIDTH_PT / Math.max(1, textWidthInChars(issuer)));
  return Math.max(SIZE_PT.erhao, Math.min(36, fit));
}

/**
 * Right indents, in characters, of the 落款 and the date: the date sits four characters from the
 * right edge (右空四字) and the signature is centred over it, as the standard shows.
 */
export function signatureIndents(signature: string, dateText: string): { signature: number; date: number } {
  const date = 4;
  const offset = (textWidthInChars(signature) - textWidthInChars(dateText)) / 2;
  return { signature: Math.max(0, date - offset), date };
}

/**
 * Whether the line under the title is a 主送机关 (ends with a colon: left-aligned, no indent)
 * rather than a subtitle (centred).
 */
export function isAddressee(subtitle: string): boolean {
  return /[:：]\s*$/.test(subtitle);
}
