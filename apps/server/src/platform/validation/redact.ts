/**
 * Redaction of personal data from free text that is published (SECURITY.md, "Personal data":
 * public pages and public reports never carry ID, phone, birth date, address). Pure functions.
 * The patterns accept the ways people actually write numbers: grouped with spaces or hyphens
 * (`138 0013 8000`, `138-0013-8000`) and with a `+86`, `0086` or `86` country prefix.
 */

/** A separator people put between digit groups: a space (also no-break or ideographic) or a hyphen. */
const SEP = '[ \\t\\u00a0\\u3000\\-‐－]?';
const COUNTRY = `(?:(?:\\+|00)?86${SEP})?`;

/** A mainland mobile number: 1[3-9] and 9 more digits, optionally grouped and prefixed. */
export const PHONE_PATTERN = new RegExp(`(?<![\\d+])${COUNTRY}1${SEP}[3-9](?:${SEP}\\d){9}(?!\\d)`, 'g');
/** A landline: area code 0 + 2–3 digits (optionally in brackets), then 7–8 digits. */
export const LANDLINE_PATTERN = new RegExp(
  `(?<![\\d+])${COUNTRY}(?:0\\d{2,3}|[(（]0\\d{2,3}[)）])${SEP}\\d{3,4}${SEP}\\d{4}(?!\\d)`,
  'g',
);
/** An 18-character resident ID (17 digits and a check digit or X), optionally grouped. */
export const ID_NUMBER_PATTERN = new RegExp(
  `(?<![\\dA-Za-z])\\d(?:${SEP}\\d){16}${SEP}[\\dXx](?![\\dA-Za-z])`,
  'g',
);

const mask = (m: string) => '*'.repeat(m.length);

/**
 * Splits a free-text list of people (约谈人 "王建国、李红（校长）; 张三") into the names to blank
 * out: separated by 、,，；; and whitespace, with bracketed titles dropped.
 *
 * @example namesIn('王建国、李红（校长）') // ['王建国', '李红']
 */
export function namesIn(list: string): string[] {
  return list
    .replace(/[(（][^)）]*[)）]/g, ' ')
    .split(/[、,，;；\s]+/u)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

/**
 * Text made safe for publication: mobile and landline numbers and ID numbers are masked, and
 * every name in `names` (2 characters or more) is blanked out.
 *
 * @example redactPersonalData('联系人张三 138 0013 8000', ['张三']) // '联系人** *************'
 */
export function redactPersonalData(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(ID_NUMBER_PATTERN, mask)
    .replace(PHONE_PATTERN, mask)
    .replace(LANDLINE_PATTERN, mask);
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
  for (const name of unique.sort((a, b) => b.length - a.length)) out = out.split(name).join(mask(name));
  return out;
}

/** A free-text field that holds personal data: the field, a code, zh and en. */
export interface PersonalDataProblem {
  field: string;
  code: 'PERSONAL_DATA';
  zh: string;
  en: string;
}

/**
 * The free-text fields (an incident's description, an evaluation's comments, a graduate's
 * destination note …) that hold an ID number or a phone number, one problem each: free text is
 * stored in clear, and SECURITY.md keeps no plaintext ID or phone at rest (they are stored
 * encrypted where the records need them).
 *
 * @example personalDataProblems({ note: '联系电话 13912345678' }) // [{ field: 'note', code: 'PERSONAL_DATA', … }]
 */
export function personalDataProblems(
  fields: Readonly<Record<string, string | null | undefined>>,
): PersonalDataProblem[] {
  return Object.entries(fields).flatMap(([field, text]) =>
    !text || redactPersonalData(text) === text
      ? []
      : [
          {
            field,
            code: 'PERSONAL_DATA' as const,
            zh: '请勿填写身份证号、手机号等个人信息',
            en: 'Do not write ID numbers, phone numbers or other personal data here',
          },
        ],
  );
}
