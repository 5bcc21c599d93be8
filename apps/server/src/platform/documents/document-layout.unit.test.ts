import { describe, expect, it } from 'vitest';
import {
  formatDocumentDate,
  isAddressee,
  issuerFontSizePt,
  signatureIndents,
  textWidthInChars,
} from './document-layout.ts';

describe('formatDocumentDate', () => {
  it('prints the 成文日期 in Arabic numerals without leading zeros', () => {
    expect(formatDocumentDate('2026-11-29', 'zh')).toBe('2026年11月29日');
    expect(formatDocumentDate('2026-01-05', 'zh')).toBe('2026年1月5日');
  });

  it('prints day, month name and year in English', () => {
    expect(formatDocumentDate('2026-01-05', 'en')).toBe('5 January 2026');
  });

  it('refuses what is not a real calendar date', () => {
    for (const bad of ['2026-02-30', '2026/11/29', '29-11-2026', '', '2026-13-01']) {
      expect(() => formatDocumentDate(bad, 'zh'), bad).toThrow(
        expect.objectContaining({ code: 'DOCUMENT_RENDER_FAILED' }),
      );
    }
  });

  it('accepts 29 February in a leap year only', () => {
    expect(formatDocumentDate('2028-02-29', 'zh')).toBe('2028年2月29日');
    expect(() => formatDocumentDate('2027-02-29', 'zh')).toThrow();
  });
});

describe('layout helpers', () => {
  it('counts CJK characters as one cell and Latin characters as half', () => {
    expect(textWidthInChars('2026年11月29日')).toBe(7);
    expect(textWidthInChars('（一）')).toBe(3);
  });

  it('sizes the issuer mark between 二号 and 小初 to fit the body width', () => {
    expect(issuerFontSizePt('上党区教育局')).toBe(36);
    expect(issuerFontSizePt('长治市上党区人民政府教育督导室')).toBe(29);
    expect(issuerFontSizePt('长治市上党区人民政府职业教育工作联席会议办公室')).toBe(22);
  });

  it('keeps the date four characters from the right and centres the signature over it', () => {
    expect(signatureIndents('上党区教育局', '2026年11月29日')).toEqual({ signature: 4.5, date: 4 });
    expect(signatureIndents('长治市上党区人民政府教育督导室', '2026年11月29日').signature).toBe(0);
  });

  it('tells a 主送机关 line (ending with a colon) from a subtitle', () => {
    expect(isAddressee('区人民政府：')).toBe(true);
    expect(isAddressee('To the District Government:')).toBe(true);
    expect(isAddressee('（2026年第三季度）')).toBe(false);
  });
});
