import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';

/** Fixed inputs of the teachers demo (teachers.demo.ts). */

/** Demo majors per school (free codes, as the register keeps them until the majors catalogue lands). */
export const MAJORS: Record<string, Array<{ code: string; name: string }>> = {
  'SD-VHS': [
    { code: '660104', name: '焊接技术应用' },
    { code: '660301', name: '机电技术应用' },
    { code: '730701', name: '电子商务' },
  ],
  'SD-VEC': [
    { code: '740601', name: '美容美体艺术' },
    { code: '720601', name: '康复技术' },
    { code: '730701', name: '电子商务' },
  ],
};
/** Surnames and given names the demo names are made of. */
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
/** Given names (see SURNAMES). */
export const GIVEN = [
  '建国',
  '丽华',
  '志强',
  '秀英',
  '伟',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '晓东',
  '海燕',
  '文博',
  '子涵',
];
/** Enterprises of the district with their industry, for work history and practice. */
export const EMPLOYERS = [
  ['易通集团', '装备制造'],
  ['振东集团', '医药康养'],
  ['潞安化工集团', '化工'],
  ['长治市某电子商务公司', '现代服务'],
  ['长治市某美容连锁', '生活服务'],
] as const;

/** A valid 居民身份证号 of 上党区 (140404) for a birth date and sequence. */
export function residentId(birth: string, seq: number, male: boolean): string {
  const s = (seq * 2 + (male ? 1 : 0)) % 1000;
  const body = `140404${birth.replace(/-/g, '')}${String(s).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** The special cases the demo shows, by teacher number within the school. */
/** What a demo teacher shows: an expiring or expired recognition, a pending application, a 2020+ hire… */
export type Role =
  | 'plain'
  | 'expiring'
  | 'expired'
  | 'stopped'
  | 'general'
  | 'pending'
  | 'passed'
  | 'returned'
  | 'hire_short'
  | 'hire_degree'
  | 'hire_both'
  | 'hire_ok';

export function roleOf(school: string, n: number): Role {
  const vhs: Record<number, Role> = {
    3: 'expiring',
    7: 'expired',
    11: 'stopped',
    14: 'general',
    15: 'general',
    18: 'pending',
    19: 'pending',
    21: 'returned',
    24: 'hire_short',
    25: 'hire_degree',
    27: 'hire_ok',
    28: 'hire_ok',
  };
  const vec: Record<number, Role> = {
    2: 'expiring',
    5: 'expired',
    9: 'general',
    12: 'passed',
    13: 'passed',
    16: 'pending',
    20: 'hire_both',
    22: 'hire_ok',
    23: 'hire_ok',
    25: 'stopped',
  };
  return (school === 'SD-VHS' ? vhs : vec)[n] ?? 'plain';
}

/**
 * When the demo's plain teachers (by number within the school) were first recognised 双师型, in
 * years after the spring round of the plan's first year (x.5: that year's autumn round; negative:
 * before the plan). Absent: never recognised. With the plan's years of 2020–2022 the district's
 * 专业课 teachers are about 45 % 双师型 at the end of 2020, 53 % at the end of 2021 and 62 % at the
 * end of 2022 (the target: 60 %); four more were recognised after the plan. Without a plan (a
 * module test) every teacher listed holds a recognition of today.
 */
export function firstRecognised(school: string, n: number): number | undefined {
  const vhs: Record<number, number> = {
    1: -4,
    2: -2.5,
    4: 0,
    5: -3,
    8: -1.5,
    9: 1.5,
    10: -4.5,
    12: 3,
    13: -2,
    16: 2,
    17: -1,
    22: 2.5,
    23: -3.5,
    26: 4.5,
    29: 1,
    30: -0.5,
    31: 2.5,
    33: 6,
    34: -5,
  };
  const vec: Record<number, number> = {
    1: -3,
    3: 0.5,
    4: -1,
    6: 2,
    8: -4,
    10: 1.5,
    14: -1,
    15: -2.5,
    17: 3.5,
    18: -2,
    19: 2.5,
    24: 1.5,
    26: -0.5,
  };
  return (school === 'SD-VHS' ? vhs : vec)[n];
}

/**
 * The plan year (index into `planYears`, the last one if the plan has fewer past years) a demo hire
 * joined in, on 1 September. Absent, or without a plan: this year's intake. Of the plan's five
 * hires one lacks the degree (SD-VHS 25); this year's two (SD-VHS 24, SD-VEC 20) break the rule too.
 */
export function hirePlanYear(school: string, n: number): number | undefined {
  const vhs: Record<number, number> = { 25: 1, 27: 1, 28: 0 };
  const vec: Record<number, number> = { 22: 0, 23: 2 };
  return (school === 'SD-VHS' ? vhs : vec)[n];
}
