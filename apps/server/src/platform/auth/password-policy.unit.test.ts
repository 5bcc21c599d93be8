import { describe, it, expect } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import {
  checkPasswordPolicy,
  generateInitialPassword,
  isCommonPassword,
  type PasswordPolicyCode,
} from './password-policy.ts';

function codesOf(password: string, username?: string): PasswordPolicyCode[] {
  const result = checkPasswordPolicy(password, { username });
  return result.ok ? [] : result.reasons.map((reason) => reason.code);
}

describe('checkPasswordPolicy', () => {
  it('accepts a long, mixed, uncommon password', () => {
    expect(checkPasswordPolicy('Kq7#mVt2pLx9', { username: 'zhangsan' })).toEqual({ ok: true });
    expect(checkPasswordPolicy('tea-Kettle-Blue-88', { username: 'zhangsan' })).toEqual({ ok: true });
  });

  it('refuses passwords shorter than 8 characters, counting characters not bytes', () => {
    expect(codesOf('Kq7#mVt')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codesOf('Kq7#mVtX')).toEqual([]);
    // 7 characters but 19 UTF-8 bytes: still too short.
    expect(codesOf('密码Kq7#m')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codesOf('')).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_FEW_CLASSES']);
  });

  it('refuses passwords longer than 128 characters', () => {
    const base = 'Kq7#mVt2';
    expect(codesOf(base.repeat(16))).toEqual([]);
    expect(codesOf(`${base.repeat(16)}x`)).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('needs three of four classes', () => {
    expect(codesOf('kqzmvtxplw')).toEqual(['PASSWORD_TOO_FEW_CLASSES']);
    expect(codesOf('kqzmvt2plw')).toEqual(['PASSWORD_TOO_FEW_CLASSES']);
    expect(codesOf('KQZMVT2PLW')).toEqual(['PASSWORD_TOO_FEW_CLASSES']);
    expect(codesOf('kqz#mvt%plw')).toEqual(['PASSWORD_TOO_FEW_CLASSES']);
    expect(codesOf('kqzMvt2plw')).toEqual([]);
    expect(codesOf('kqz#mvt2plw')).toEqual([]);
    expect(codesOf('KQZ#MVT2PLW')).toEqual([]);
    expect(codesOf('Kqz#mvtxplw')).toEqual([]);
  });

  it('counts spaces and non-ASCII characters as symbols', () => {
    expect(codesOf('kqz mvt2plw')).toEqual([]);
    expect(codesOf('kqz职教mvt2pl')).toEqual([]);
  });

  it.each([
    'Password123!',
    'P@ssw0rd',
    'P@$$w0rd1',
    'Aa123456',
    'Qwe123!@#',
    'Woaini1314!',
    'Qq123456!',
    'Abc123456!',
    '1qaz@WSX',
    '!QAZ2wsx',
    'Admin@123',
    'Zxcvbnm123!',
    '2024Zhijiao!',
    'Iloveyou520!',
    'Adm1n123!',
  ])('refuses the common password %s', (password) => {
    expect(codesOf(password)).toContain('PASSWORD_COMMON');
  });

  it('refuses common passwords that also fail composition, listing every reason', () => {
    expect(codesOf('123456')).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_FEW_CLASSES', 'PASSWORD_COMMON']);
    expect(codesOf('5201314')).toContain('PASSWORD_COMMON');
    expect(codesOf('woaini1314')).toEqual(['PASSWORD_TOO_FEW_CLASSES', 'PASSWORD_COMMON']);
  });

  it('refuses a password containing the username, case-insensitively', () => {
    expect(codesOf('Zhangsan#2025', 'zhangsan')).toEqual(['PASSWORD_CONTAINS_USERNAME']);
    expect(codesOf('x9!ZHANGSANq', 'ZhangSan')).toEqual(['PASSWORD_CONTAINS_USERNAME']);
    expect(codesOf('Kq7#mVt2pLx9', 'zhangsan')).toEqual([]);
  });

  it('does not search for usernames too short to matter, nor an absent one', () => {
    expect(codesOf('Kq7#liVt2pLx', 'li')).toEqual([]);
    expect(codesOf('Kq7#mVt2pLx9', '')).toEqual([]);
    expect(checkPasswordPolicy('Kq7#mVt2pLx9')).toEqual({ ok: true });
  });

  it('gives a Chinese and an English message for every reason', () => {
    const result = checkPasswordPolicy('abc', { username: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.map((r) => r.code)).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_TOO_FEW_CLASSES',
      'PASSWORD_COMMON',
      'PASSWORD_CONTAINS_USERNAME',
    ]);
    for (const reason of result.reasons) {
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/^[A-Z]/);
    }
  });
});

describe('isCommonPassword', () => {
  it('does not flag an unrelated password that merely starts with digits', () => {
    expect(isCommonPassword('2024-Lantern-Orchid')).toBe(false);
    expect(isCommonPassword('Kq7#mVt2pLx9')).toBe(false);
  });

  it('does not treat a password made only of symbols and digits as an empty word', () => {
    expect(isCommonPassword('#83@!92&74')).toBe(false);
  });
});

describe('district and product names', () => {
  it('refuses the district, city, province and product names with years, symbols and leetspeak', () => {
    for (const password of [
      'Sh@ngdang2020',
      'Shangdang@2024',
      'SHANGDANG#1',
      '5hangdang!2021',
      'Ch@ngzh1_2022',
      'Changzhi2026!',
      'Shanx1@2020',
      'Zh1j1ao#2025',
      'ZhiJiao!2030',
      '上党@2020',
      '长治#2024',
      '职教2025!',
      'Changzhi@Shangdang1',
      '2020@Shangdang',
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(codesOf(password), password).toContain('PASSWORD_COMMON');
    }
  });

  it('still accepts passwords that merely contain a place name among other words', () => {
    expect(isCommonPassword('Lantern-Shangdang-Orchid-7')).toBe(false);
    expect(codesOf('Kq7#mVt2pLx9')).toEqual([]);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('holds several hundred lowercase entries, worldwide and Chinese', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(500);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
    for (const entry of ['123456', '111111', '000000', '5201314', 'woaini1314', 'qq123456', 'a123456']) {
      expect(COMMON_PASSWORDS.has(entry)).toBe(true);
    }
    for (const entry of ['abc123456', '1qaz2wsx', 'qwe123', 'zxcvbnm', 'p@ssw0rd', 'admin123', 'aa123456']) {
      expect(COMMON_PASSWORDS.has(entry)).toBe(true);
    }
  });
});

describe('generateInitialPassword', () => {
  it('makes 14-character passwords that meet the policy and avoid look-alikes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = generateInitialPassword();
      expect(password).toHaveLength(14);
      expect(checkPasswordPolicy(password)).toEqual({ ok: true });
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password).not.toMatch(/[0O1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });

  it('never holds the account’s username, whatever its case', () => {
    // About 3 in 10,000 random passwords hold a given 3-letter name: 30,000 find some (p > 0.999).
    for (let i = 0; i < 30_000; i++) {
      const password = generateInitialPassword('abc');
      if (password.toLowerCase().includes('abc')) expect.fail(`${password} holds the username abc`);
      expect(checkPasswordPolicy(password, { username: 'abc' }).ok).toBe(true);
    }
  });
});
