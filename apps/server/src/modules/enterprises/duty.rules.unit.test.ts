import { describe, expect, it } from 'vitest';
import {
  districtDuty,
  enterpriseDuty,
  requiredPosts,
  type DutyRule,
  type EnterpriseYear,
} from './duty.rules.ts';
import { DEFAULT_DUTY_RULE } from './enterprises.config.ts';

const rule = (over: Partial<DutyRule> = {}): DutyRule => ({ ...DEFAULT_DUTY_RULE, ...over });
const year = (over: Partial<EnterpriseYear> = {}): EnterpriseYear => ({
  enterpriseId: 'e1',
  year: 2021,
  aboveScale: true,
  staff: 420,
  postsOffered: 9,
  postsFilled: 7,
  ...over,
});

describe('requiredPosts', () => {
  it.each([
    [150, 'ceil', 3],
    [151, 'ceil', 4],
    [149, 'ceil', 3],
    [149, 'floor', 2],
    [149, 'round', 3],
    [125, 'round', 3],
    [124, 'round', 2],
    [124, 'floor', 2],
    [1, 'ceil', 1],
    [1, 'round', 0],
    [0, 'ceil', 0],
    [50_000, 'ceil', 1000],
  ] as const)('%i staff, %s → %i posts', (staff, rounding, posts) => {
    expect(requiredPosts(staff, rule({ rounding }))).toBe(posts);
  });

  it('is exact where floating point is not (Math.ceil(0.07 × 100) is 8)', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(requiredPosts(100, rule({ basisPoints: 700 }))).toBe(7);
    expect(requiredPosts(150, rule())).toBe(3);
  });

  it('takes another share in basis points and refuses a negative or fractional staff count', () => {
    expect(requiredPosts(420, rule({ basisPoints: 250 }))).toBe(11);
    expect(() => requiredPosts(-1, rule())).toThrow(RangeError);
    expect(() => requiredPosts(10.5, rule())).toThrow(RangeError);
  });
});

describe('enterpriseDuty', () => {
  it('meets the duty when the posts offered reach 2 % of staff, rounded up', () => {
    expect(enterpriseDuty(year(), rule())).toEqual({
      enterpriseId: 'e1',
      year: 2021,
      status: 'met',
      required: 9,
      offered: 9,
      filled: 7,
      shortfall: 0,
      note: {
        zh: '职工 420 人，应提供 9 个岗位，提供 9 个，已达到',
        en: '420 staff, 9 posts required, 9 offered: met',
      },
    });
  });

  it('is short by the posts missing, and counts filled posts when the rule says so', () => {
    expect(enterpriseDuty(year({ postsOffered: 6 }), rule())).toMatchObject({
      status: 'short',
      shortfall: 3,
      note: { zh: '职工 420 人，应提供 9 个岗位，提供 6 个，差 3 个' },
    });
    expect(enterpriseDuty(year(), rule({ basis: 'filled' }))).toMatchObject({
      status: 'short',
      shortfall: 2,
      note: { en: '420 staff, 9 posts required, 7 filled: 2 short' },
    });
  });

  it('owes nothing with no staff', () => {
    expect(enterpriseDuty(year({ staff: 0, postsOffered: 0 }), rule())).toMatchObject({
      status: 'met',
      required: 0,
      shortfall: 0,
    });
  });

  it('does not judge a year without a staff count, and says so', () => {
    expect(enterpriseDuty(year({ staff: null }), rule())).toMatchObject({
      status: 'not_judged',
      required: null,
      shortfall: null,
      note: {
        zh: '2021 年职工总数未登记，不作判断',
        en: 'The staff count for 2021 is not on file: not judged',
      },
    });
    expect(enterpriseDuty(year({ aboveScale: null }), rule()).note.zh).toBe(
      '2021 年是否规模以上企业未登记，不作判断',
    );
  });

  it('applies in a year the enterprise is 规上 and not in the next when it is not', () => {
    expect(enterpriseDuty(year({ year: 2021, aboveScale: true, postsOffered: 0 }), rule()).status).toBe(
      'short',
    );
    expect(enterpriseDuty(year({ year: 2022, aboveScale: false, postsOffered: 0 }), rule())).toMatchObject({
      status: 'not_applicable',
      required: null,
      note: { zh: '2022 年非规模以上企业，不适用 2% 实习岗位要求' },
    });
  });
});

describe('districtDuty', () => {
  const records: EnterpriseYear[] = [
    year({ enterpriseId: 'a', staff: 420, postsOffered: 9, postsFilled: 9 }),
    year({ enterpriseId: 'b', staff: 1000, postsOffered: 15, postsFilled: 10 }),
    year({ enterpriseId: 'c', staff: 151, postsOffered: 3, postsFilled: 3 }),
    year({ enterpriseId: 'd', staff: 0, postsOffered: 0, postsFilled: 0 }),
    year({ enterpriseId: 'e', staff: null, postsOffered: 2, postsFilled: 2 }),
    year({ enterpriseId: 'f', aboveScale: false, staff: 80, postsOffered: 1, postsFilled: 1 }),
    year({ enterpriseId: 'a', year: 2022, aboveScale: false, staff: 380, postsOffered: 0, postsFilled: 0 }),
  ];

  it('gives the share of judged 规上 enterprises meeting the duty, the posts against the required, and the shortfall list', () => {
    expect(districtDuty(records, 2021, rule())).toEqual({
      year: 2021,
      aboveScale: 5,
      judged: 4,
      met: 2,
      metShare: 0.5,
      notJudgedIds: ['e'],
      shortfall: [
        { enterpriseId: 'b', required: 20, counted: 15, shortfall: 5 },
        { enterpriseId: 'c', required: 4, counted: 3, shortfall: 1 },
      ],
      required: 33,
      offered: 27,
      filled: 22,
      postsPerRequired: 27 / 33,
      staff: 1571,
      postsPerStaff: 27 / 1571,
    });
  });

  it('leaves out an enterprise in the year it is no longer 规上', () => {
    expect(districtDuty(records, 2022, rule())).toMatchObject({
      aboveScale: 0,
      judged: 0,
      metShare: null,
      postsPerRequired: null,
      postsPerStaff: null,
      shortfall: [],
    });
  });

  it('follows the rounding mode', () => {
    expect(districtDuty(records, 2021, rule({ rounding: 'floor' }))).toMatchObject({ required: 31, met: 3 });
  });
});
