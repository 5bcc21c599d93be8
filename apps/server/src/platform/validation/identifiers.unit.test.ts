import { randomInt } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  ageAt,
  maskMobile,
  maskResidentId,
  normalizeMobile,
  residentIdCheckChar,
  validateResidentId,
} from './identifiers.ts';

const TODAY = new Date('2025-06-15T04:00:00Z');

function withCheck(body: string): string {
  return body + residentIdCheckChar(body);
}

describe('validateResidentId', () => {
  it('accepts the DOMAIN.md examples and reads birth date and sex', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
    });
    expect(validateResidentId('440524188001010014', TODAY)).toEqual({
      ok: true,
      normalized: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'M',
    });
  });

  it('normalises a lowercase x and surrounding spaces', () => {
    const result = validateResidentId(' 11010519491231002x ', TODAY);
    expect(result.ok && result.normalized).toBe('11010519491231002X');
  });

  it.each([
    '',
    '11010519491231002',
    '1101051949123100200',
    '11010519491231002Y',
    '1101051949123100X2',
    'X10105194912310021',
  ])('refuses the malformed %j with ID_FORMAT', (id) => {
    const result = validateResidentId(id, TODAY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('ID_FORMAT');
  });

  it('refuses a wrong check character with ID_CHECKSUM and bilingual messages', () => {
    const result = validateResidentId('110105194912310021', TODAY);
    expect(result).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
    expect(!result.ok && result.zh).toMatch(/校验位/);
    expect(!result.ok && result.en).toMatch(/check character/);
  });

  it.each([
    ['a 30 February', '110105' + '20010230' + '123'],
    ['month 13', '110105' + '20011301' + '123'],
    ['day 00', '110105' + '20010100' + '123'],
    ['29 February in a common year', '110105' + '19000229' + '123'],
    ['a year before 1800', '110105' + '17991231' + '123'],
    ['tomorrow', '110105' + '20250616' + '123'],
  ])('refuses a birth date on %s with ID_BIRTH_DATE', (_label, body) => {
    expect(validateResidentId(withCheck(body), TODAY)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' });
  });

  it('accepts 29 February in a leap year and a birth today, judged by the date in China', () => {
    expect(validateResidentId(withCheck('110105' + '20000229' + '123'), TODAY).ok).toBe(true);
    expect(validateResidentId(withCheck('110105' + '20250615' + '123'), TODAY).ok).toBe(true);
    // 2025-06-15T17:00Z is already 16 June in Beijing.
    const lateUtc = new Date('2025-06-15T17:00:00Z');
    expect(validateResidentId(withCheck('110105' + '20250616' + '123'), lateUtc).ok).toBe(true);
  });

  it('reads sex from the parity of the 17th digit', () => {
    expect(validateResidentId(withCheck('110105' + '20000101' + '121'), TODAY)).toMatchObject({ sex: 'M' });
    expect(validateResidentId(withCheck('110105' + '20000101' + '120'), TODAY)).toMatchObject({ sex: 'F' });
  });

  it('property: random bodies with their computed check character pass; any single change fails the checksum', () => {
    for (let n = 0; n < 300; n++) {
      const year = 1900 + randomInt(125);
      const month = String(1 + randomInt(12)).padStart(2, '0');
      const day = String(1 + randomInt(28)).padStart(2, '0');
      const area = String(110000 + randomInt(800000));
      const sequence = String(randomInt(1000)).padStart(3, '0');
      const id = withCheck(`${area}${year}${month}${day}${sequence}`);
      expect(validateResidentId(id, TODAY).ok).toBe(true);

      for (let position = 0; position < 18; position++) {
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        for (const replacement of alphabet) {
          if (replacement === id[position]) continue;
          const altered = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(validateResidentId(altered, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
        }
      }
    }
  });

  it('residentIdCheckChar refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow();
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow();
  });
});

describe('normalizeMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['  199\u30000000 0000 ', '19900000000'],
    ['138–0013–8000', '13800138000'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it.each([
    '',
    '12800138000',
    '1380013800',
    '138001380000',
    '+85213800138000',
    '86 13800138000',
    '010-62751234',
    '1380013800a',
    '(138)00138000',
  ])('refuses %j', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });
});

describe('masking', () => {
  it('masks a resident ID to first 6 and last 4, hiding the birth date', () => {
    expect(maskResidentId('140421200001011234')).toBe('140421********1234');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('11010519491231002X')).not.toContain('19491231');
  });

  it('never shows a short or odd ID value in clear', () => {
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
    expect(maskResidentId('110105491231002')).toBe('110105*****1002');
  });

  it('masks a mobile to first 3 and last 4 after normalising', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskMobile('+86 138-0013-8000')).toBe('138****8000');
  });

  it('masks a non-mobile number without revealing more than its last 4', () => {
    expect(maskMobile('010-62751234')).toBe('********1234');
    expect(maskMobile('1234567')).toBe('*******');
  });
});

describe('ageAt', () => {
  it('counts completed years, going up on the birthday', () => {
    expect(ageAt('2010-09-01', '2024-08-31')).toBe(13);
    expect(ageAt('2010-09-01', '2024-09-01')).toBe(14);
    expect(ageAt('2010-09-01', '2010-09-01')).toBe(0);
    expect(ageAt('1949-12-31', '2025-01-01')).toBe(75);
  });

  it('ages a 29 February birth on 1 March in common years', () => {
    expect(ageAt('2008-02-29', '2022-02-28')).toBe(13);
    expect(ageAt('2008-02-29', '2022-03-01')).toBe(14);
    expect(ageAt('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('reads a Date as the calendar date in China', () => {
    expect(ageAt('2010-09-01', new Date('2024-08-31T16:30:00Z'))).toBe(14);
    expect(ageAt('2010-09-01', new Date('2024-08-31T15:30:00Z'))).toBe(13);
  });

  it('refuses invalid dates and a date before birth', () => {
    expect(() => ageAt('2010-02-30', '2024-01-01')).toThrow(RangeError);
    expect(() => ageAt('20100901', '2024-01-01')).toThrow(RangeError);
    expect(() => ageAt('2010-09-01', '2024-13-01')).toThrow(RangeError);
    expect(() => ageAt('2010-09-01', '2010-08-31')).toThrow(RangeError);
    expect(() => ageAt('2010-09-01', new Date(Number.NaN))).toThrow(RangeError);
  });
});
