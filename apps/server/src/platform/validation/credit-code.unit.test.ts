import { describe, expect, it } from 'vitest';
import { seededRandom } from '../demo/seeded-random.ts';
import { creditCodeCheckChar, orgCodeCheckChar, validateCreditCode } from './credit-code.ts';

/**
 * An independent reference, written from GB 32100-2015 and GB 11714-1997 as DOMAIN.md states them
 * (value tables spelled out, no shared constants): where the first error of a code is, or null.
 */
const REF_VALUES: Record<string, number> = Object.fromEntries(
  [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c, i) => [c, i]),
);
const REF_PAIRS = new Set(
  (
    '11 12 13 19 21 29 31 32 33 34 35 36 39 41 49 51 52 53 54 55 59 61 62 69 71 72 79 81 82 89 91 92 93 99 ' +
    'A1 A9 G1 G9 J1 J9 N1 N2 N3 N9 Q1 Q2 Q3 Q9 Y1'
  ).split(' '),
);
const REF_PROVINCES = [
  10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
];
const REF_PROVINCES_2 = [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];
const ALL_PROVINCES = [...REF_PROVINCES, ...REF_PROVINCES_2].map(String);

function refOrgCheck(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
  const r = (11 - ([...body].reduce((s, c, i) => s + value(c) * w[i]!, 0) % 11)) % 11;
  return r === 10 ? 'X' : String(r);
}
function refFinalCheck(body: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + REF_VALUES[c]! * w[i]!, 0);
  const c = (31 - (sum % 31)) % 31;
  return Object.keys(REF_VALUES).find((k) => REF_VALUES[k] === c)!;
}
function refFirstError(code: string): number | null {
  if (code.length !== 18) return 0;
  const bad = [...code].findIndex((c) => !(c in REF_VALUES));
  if (bad >= 0) return bad + 1;
  if (!REF_PAIRS.has(code[0]! + '1') && !REF_PAIRS.has(code[0]! + '9')) return 1;
  if (!REF_PAIRS.has(code.slice(0, 2))) return 2;
  const nonDigit = [...code.slice(2, 8)].findIndex((c) => !/[0-9]/.test(c));
  if (nonDigit >= 0) return nonDigit + 3;
  if (!ALL_PROVINCES.includes(code.slice(2, 4)))
    return ALL_PROVINCES.some((p) => p.startsWith(code[2]!)) ? 4 : 3;
  if (refOrgCheck(code.slice(8, 16)) !== code[16]) return 17;
  if (refFinalCheck(code.slice(0, 17)) !== code[17]) return 18;
  return null;
}

/** A random code valid by the reference: a real pair, province, division, organisation code. */
function randomValidCode(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const pair = pick([...REF_PAIRS]);
  const division = pick(ALL_PROVINCES) + String(Math.floor(rand() * 10_000)).padStart(4, '0');
  const bodyChars = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
  const orgBody = Array.from({ length: 8 }, () => pick(bodyChars)).join('');
  const first17 = pair + division + orgBody + refOrgCheck(orgBody);
  return first17 + refFinalCheck(first17);
}

describe('validateCreditCode', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91330100799655058B', '91110108MA01G0FB09'])(
    'accepts the real code %s and reads its parts',
    (code) => {
      expect(validateCreditCode(code)).toMatchObject({
        ok: true,
        normalized: code,
        authority: { code: '9', zh: '市场监管（工商）' },
        orgType: { code: '1', zh: '企业', en: 'enterprise' },
        division: code.slice(2, 8),
        orgCode: code.slice(8, 17),
      });
    },
  );

  it('normalises case and spaces', () => {
    expect(validateCreditCode(' 91110000600037341l ')).toMatchObject({
      ok: true,
      normalized: '91110000600037341L',
    });
  });

  it.each([
    ['', 0],
    ['9111000060003734', 16],
    ['91110000600037341L0', 19],
  ])('refuses %j with USCC_FORMAT and the length found', (code, length) => {
    expect(validateCreditCode(code)).toMatchObject({
      ok: false,
      code: 'USCC_FORMAT',
      position: null,
      zh: `统一社会信用代码应为 18 位，现为 ${length} 位`,
    });
  });

  it.each([
    ['91110000600037341I', 18, 'I'],
    ['9111000060003734OL', 17, 'O'],
    ['91S10000600037341L', 3, 'S'],
    ['9111000060003734-L', 17, '-'],
  ])('refuses %j with USCC_CHARACTER at position %i', (code, position, char) => {
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ ok: false, code: 'USCC_CHARACTER', position });
    expect(!result.ok && result.zh).toContain(`第 ${position} 位“${char}”`);
    expect(!result.ok && result.en).toContain(`Character ${position} ('${char}')`);
  });

  it('refuses an unknown registration authority at position 1', () => {
    expect(validateCreditCode('B1110000600037341L')).toEqual({
      ok: false,
      code: 'USCC_AUTHORITY',
      position: 1,
      zh: '第 1 位“B”不是登记管理部门代码',
      en: "Character 1 ('B') is not a registration authority code",
    });
  });

  it('refuses an organisation type its authority does not have at position 2, naming the authority', () => {
    expect(validateCreditCode('94110000600037341L')).toEqual({
      ok: false,
      code: 'USCC_ORG_TYPE',
      position: 2,
      zh: '第 2 位“4”不是登记管理部门“市场监管（工商）”（9）的机构类别代码',
      en: "Character 2 ('4') is not an organisation type of the registration authority '9' (market regulation)",
    });
  });

  it('refuses a letter in the division at its position, and an unknown province where it stops being one', () => {
    expect(validateCreditCode('9111A000600037341L')).toMatchObject({ code: 'USCC_DIVISION', position: 5 });
    expect(validateCreditCode('91990000600037341L')).toMatchObject({ code: 'USCC_DIVISION', position: 3 });
    expect(validateCreditCode('91190000600037341L')).toMatchObject({
      code: 'USCC_DIVISION',
      position: 4,
      zh: '第 3–4 位“19”不是省级行政区划代码',
    });
  });

  it('refuses a wrong organisation code check character at position 17 (GB 11714)', () => {
    expect(validateCreditCode('91110000600037342L')).toMatchObject({
      ok: false,
      code: 'USCC_ORG_CODE_CHECKSUM',
      position: 17,
      zh: '第 17 位（组织机构代码校验码）与第 9–16 位不符，请核对第 9–17 位',
    });
  });

  it('refuses a wrong final check character at position 18', () => {
    expect(validateCreditCode('91110000600037341M')).toEqual({
      ok: false,
      code: 'USCC_CHECKSUM',
      position: 18,
      zh: '第 18 位（校验码）与前 17 位不符，请核对',
      en: 'Character 18 (the check character) does not match the first 17; check the code',
    });
  });

  it('writes a GB 32100 remainder of 0 (C = 31) as 0 and a GB 11714 result of 10 as X, 11 as 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    // Σ value·W: A·3 = 30 ≡ 8 → 3; 1·3 → 8; 1·2 → 9; 5·2 = 10 → 1; 6·2 = 12 ≡ 1 → 10 → X; 0 → 11 → 0.
    expect(orgCodeCheckChar('A0000000')).toBe('3');
    expect(orgCodeCheckChar('10000000')).toBe('8');
    expect(orgCodeCheckChar('00000001')).toBe('9');
    expect(orgCodeCheckChar('00000005')).toBe('1');
    expect(orgCodeCheckChar('00000006')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });

  it('property: codes valid by the reference pass, and every one-character change is refused where the reference says', () => {
    const rand = seededRandom(32_100);
    const alphabet = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
    const misplaced: string[] = [];
    let mutations = 0;
    for (let n = 0; n < 200; n++) {
      const code = randomValidCode(rand);
      expect(refFirstError(code)).toBeNull();
      expect(validateCreditCode(code).ok).toBe(true);
      for (let position = 1; position <= 18; position++) {
        for (const replacement of [...alphabet, 'I', 'Z']) {
          if (replacement === code[position - 1]) continue;
          const altered = code.slice(0, position - 1) + replacement + code.slice(position);
          const result = validateCreditCode(altered);
          const expected = refFirstError(altered);
          mutations++;
          // Always refused (31 is prime and no weight is a multiple of it), where the reference says:
          // at the changed character, or at the check character that caught the change, or at the
          // organisation type when a new authority lacks the old type — never before the change.
          if (result.ok || result.position !== expected || expected === null || expected < position)
            misplaced.push(`${altered}: ${result.ok ? 'accepted' : result.position} vs ${expected}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
    expect(mutations).toBe(200 * 18 * 32);
  });

  it('creditCodeCheckChar and orgCodeCheckChar refuse characters outside their alphabets', () => {
    expect(() => creditCodeCheckChar('91350100M000100V4')).toThrow();
    expect(() => orgCodeCheckChar('6000373')).toThrow();
    expect(() => orgCodeCheckChar('6000373a')).toThrow();
  });
});
