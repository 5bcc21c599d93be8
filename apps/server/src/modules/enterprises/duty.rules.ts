/**
 * The 2 % duty (task （十三）: "规模以上企业按职工总数的2%安排实习岗位"; DOMAIN.md, "2 % rule"):
 * each enterprise that is 规模以上 in a year must offer internship posts numbering 2 % of its staff
 * that year, rounded as the plan says (plans/…/action-plan.yaml T13-INTERN-POSTS: configurable;
 * default up). Per enterprise and year: required, offered, filled, shortfall; per district and
 * year: the share of judged enterprises meeting the duty and the posts against the required. An
 * enterprise without a staff count or a 规上 status for the year is not judged, and says so — it is
 * neither met nor short. Pure; integer arithmetic (basis points), so a share never rounds up a float's
 * last bit (Math.ceil(0.07 × 100) is 8).
 */

export type RoundingMode = 'ceil' | 'round' | 'floor';

export interface DutyRule {
  /** The share of staff in basis points: 200 = 2 %. */
  basisPoints: number;
  rounding: RoundingMode;
  /** What counts against the duty: posts offered (the plan's 安排) or posts actually filled. */
  basis: 'offered' | 'filled';
}

/** One enterprise's records for one year, as the register and the internship records give them. */
export interface EnterpriseYear {
  enterpriseId: string;
  year: number;
  /** 规模以上 that year (statistics bureau list or thresholds); null: not on file. */
  aboveScale: boolean | null;
  /** 职工总数 that year; null: not on file. */
  staff: number | null;
  postsOffered: number;
  postsFilled: number;
}

type Text = { zh: string; en: string };

export type DutyStatus = 'met' | 'short' | 'not_applicable' | 'not_judged';

export interface EnterpriseDuty {
  enterpriseId: string;
  year: number;
  status: DutyStatus;
  /** Posts required, null unless judged. */
  required: number | null;
  offered: number;
  filled: number;
  /** Posts missing against the rule's basis (0 when met), null unless judged. */
  shortfall: number | null;
  /** Why the status, in words (what is missing when not judged). */
  note: Text;
}

/**
 * Posts required of `staff` employees: `staff × basisPoints / 10000`, rounded by `rounding`
 * ('round' takes halves up). Throws on a negative or fractional staff count.
 *
 * @example requiredPosts(150, { basisPoints: 200, rounding: 'ceil', basis: 'offered' }) // 3
 * @example requiredPosts(151, { basisPoints: 200, rounding: 'ceil', basis: 'offered' }) // 4 (3.02 up)
 */
export function requiredPosts(staff: number, rule: DutyRule): number {
  if (!Number.isInteger(staff) || staff < 0)
    throw new RangeError('requiredPosts: staff must be a whole number ≥ 0');
  const numerator = staff * rule.basisPoints;
  const whole = Math.floor(numerator / 10_000);
  const rest = numerator - whole * 10_000;
  if (rule.rounding === 'floor' || rest === 0) return whole;
  if (rule.rounding === 'ceil') return whole + 1;
  return rest * 2 >= 10_000 ? whole + 1 : whole;
}

/**
 * One enterprise's duty for one year. Not 规上 that year → `not_applicable`; 规上 status or staff
 * count not on file → `not_judged` (the note says which); otherwise met when the posts counted (the
 * rule's basis) reach the required. An enterprise with no staff owes no posts and meets its duty.
 *
 * @example
 * enterpriseDuty({ enterpriseId: 'e1', year: 2021, aboveScale: true, staff: 420, postsOffered: 6, postsFilled: 5 }, DEFAULT_DUTY_RULE)
 * // { status: 'short', required: 9, offered: 6, filled: 5, shortfall: 3, … }
 */
export function enterpriseDuty(e: EnterpriseYear, rule: DutyRule): EnterpriseDuty {
  const base = { enterpriseId: e.enterpriseId, year: e.year, offered: e.postsOffered, filled: e.postsFilled };
  if (e.aboveScale === null) {
    return {
      ...base,
      status: 'not_judged',
      required: null,
      shortfall: null,
      note: {
        zh: `${e.year} 年是否规模以上企业未登记，不作判断`,
        en: `Whether the enterprise was above scale in ${e.year} is not on file: not judged`,
      },
    };
  }
  if (!e.aboveScale) {
    return {
      ...base,
      status: 'not_applicable',
      required: null,
      shortfall: null,
      note: {
        zh: `${e.year} 年非规模以上企业，不适用 2% 实习岗位要求`,
        en: `Not above scale in ${e.year}: the 2 % duty does not apply`,
      },
    };
  }
  if (e.staff === null) {
    return {
      ...base,
      status: 'not_judged',
      required: null,
      shortfall: null,
      note: {
        zh: `${e.year} 年职工总数未登记，不作判断`,
        en: `The staff count for ${e.year} is not on file: not judged`,
      },
    };
  }
  const required = requiredPosts(e.staff, rule);
  const counted = rule.basis === 'offered' ? e.postsOffered : e.postsFilled;
  const shortfall = Math.max(0, required - counted);
  const what = rule.basis === 'offered' ? { zh: '提供', en: 'offered' } : { zh: '实际接收', en: 'filled' };
  return {
    ...base,
    status: shortfall === 0 ? 'met' : 'short',
    required,
    shortfall,
    note:
      shortfall === 0
        ? {
            zh: `职工 ${e.staff} 人，应提供 ${required} 个岗位，${what.zh} ${counted} 个，已达到`,
            en: `${e.staff} staff, ${required} posts required, ${counted} ${what.en}: met`,
          }
        : {
            zh: `职工 ${e.staff} 人，应提供 ${required} 个岗位，${what.zh} ${counted} 个，差 ${shortfall} 个`,
            en: `${e.staff} staff, ${required} posts required, ${counted} ${what.en}: ${shortfall} short`,
          },
  };
}

export interface DistrictDuty {
  year: number;
  /** Enterprises 规上 that year (judged or not). */
  aboveScale: number;
  judged: number;
  met: number;
  /** met ÷ judged, null when none is judged. */
  metShare: number | null;
  /** Enterprises not judged (规上 status or staff count missing), for the register's keepers. */
  notJudgedIds: string[];
  /** Judged enterprises short of their duty, largest shortfall first, then by id. */
  shortfall: Array<{ enterpriseId: string; required: number; counted: number; shortfall: number }>;
  required: number;
  offered: number;
  filled: number;
  /** Posts counted (the rule's basis) ÷ required over judged enterprises, null when nothing is required. */
  postsPerRequired: number | null;
  /** Staff of judged enterprises and the posts counted as a share of it (the plan's T13 ratio). */
  staff: number;
  postsPerStaff: number | null;
}

/**
 * The district's duty for `year` over its enterprises' records of that year (records of other years
 * are ignored; one record per enterprise and year). Enterprises not 规上 that year are left out;
 * those not judged are listed, not counted.
 *
 * @example districtDuty(records, 2021, DEFAULT_DUTY_RULE).metShare // 0.75
 */
export function districtDuty(records: readonly EnterpriseYear[], year: number, rule: DutyRule): DistrictDuty {
  const ofYear = records.filter((r) => r.year === year);
  const duties = ofYear.map((r) => enterpriseDuty(r, rule));
  const judged = duties.filter((d) => d.status === 'met' || d.status === 'short');
  const staffOf = new Map(ofYear.map((r) => [r.enterpriseId, r.staff ?? 0]));
  const counted = (d: EnterpriseDuty) => (rule.basis === 'offered' ? d.offered : d.filled);
  const required = judged.reduce((s, d) => s + d.required!, 0);
  const posts = judged.reduce((s, d) => s + counted(d), 0);
  const staff = judged.reduce((s, d) => s + staffOf.get(d.enterpriseId)!, 0);
  const met = judged.filter((d) => d.status === 'met').length;
  return {
    year,
    aboveScale: ofYear.filter((r) => r.aboveScale === true).length,
    judged: judged.length,
    met,
    metShare: judged.length === 0 ? null : met / judged.length,
    notJudgedIds: duties.filter((d) => d.status === 'not_judged').map((d) => d.enterpriseId),
    shortfall: judged
      .filter((d) => d.status === 'short')
      .map((d) => ({
        enterpriseId: d.enterpriseId,
        required: d.required!,
        counted: counted(d),
        shortfall: d.shortfall!,
      }))
      .sort((a, b) => b.shortfall - a.shortfall || a.enterpriseId.localeCompare(b.enterpriseId)),
    required,
    offered: judged.reduce((s, d) => s + d.offered, 0),
    filled: judged.reduce((s, d) => s + d.filled, 0),
    postsPerRequired: required === 0 ? null : posts / required,
    staff,
    postsPerStaff: staff === 0 ? null : posts / staff,
  };
}
