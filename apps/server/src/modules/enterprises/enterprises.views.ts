import type { UnitRef } from '../org/index.ts';
import { enterpriseDuty } from './duty.rules.ts';
import { DEFAULT_DUTY_RULE } from './enterprises.config.ts';
import type { EnterpriseListRow } from './enterprises.repository.ts';
import type { EnterpriseTable, EnterpriseYearTable } from './enterprises.tables.ts';

/**
 * One year's 2 % duty as far as the register can tell (duty.rules.ts with the default rule): the
 * posts required when the enterprise is 规上 with a staff count, or why the duty does not apply or
 * cannot be judged. Posts offered and filled come from the internship records, not from here.
 */
export function dutyOf(enterpriseId: string, y: Pick<EnterpriseYearTable, 'year' | 'aboveScale' | 'staff'>) {
  const d = enterpriseDuty(
    { enterpriseId, year: y.year, aboveScale: y.aboveScale, staff: y.staff, postsOffered: 0, postsFilled: 0 },
    DEFAULT_DUTY_RULE,
  );
  if (d.status === 'not_applicable' || d.status === 'not_judged')
    return { status: d.status, required: null, note: d.note };
  const share = `${DEFAULT_DUTY_RULE.basisPoints / 100}%`;
  const rounding = {
    ceil: ['向上取整', 'rounded up'],
    round: ['四舍五入', 'rounded'],
    floor: ['向下取整', 'rounded down'],
  }[DEFAULT_DUTY_RULE.rounding];
  return {
    status: 'applies' as const,
    required: d.required,
    note: {
      zh: `${y.year} 年规模以上企业，职工 ${y.staff} 人 × ${share}（${rounding[0]}）：应提供 ${d.required} 个实习岗位`,
      en: `Above scale in ${y.year}: ${y.staff} staff × ${share} (${rounding[1]}) = ${d.required} internship posts required`,
    },
  };
}

/** A register row as lists show it; `unit` names the enterprise's org unit. */
export function enterpriseSummary(r: EnterpriseListRow, unit: UnitRef | undefined) {
  return {
    id: r.orgUnitId,
    code: unit?.code ?? '',
    name: unit?.name ?? r.legalName,
    legalName: r.legalName,
    uscc: r.uscc,
    industrySection: r.industrySection,
    industryDivision: r.industryDivision,
    status: r.status,
    facts:
      r.year === null
        ? null
        : { staff: r.staff, aboveScale: r.aboveScale, aboveScaleSource: r.aboveScaleSource },
  };
}

export type EnterpriseSummary = ReturnType<typeof enterpriseSummary>;

/** One year of an enterprise with its duty. */
export function yearView(enterpriseId: string, y: EnterpriseYearTable) {
  return {
    year: y.year,
    staff: y.staff,
    aboveScale: y.aboveScale,
    aboveScaleSource: y.aboveScaleSource,
    revenueWan: y.revenueWan === null ? null : Number(y.revenueWan),
    listedAboveScale: y.listedAboveScale,
    thresholdVersion: y.thresholdVersion,
    duty: dutyOf(enterpriseId, y),
    updatedAt: y.updatedAt,
  };
}

/** The enterprise's profile with its unit and district named. */
export function profileView(e: EnterpriseTable, unit: UnitRef | undefined, district: UnitRef | undefined) {
  return {
    id: e.orgUnitId,
    code: unit?.code ?? '',
    name: unit?.name ?? e.legalName,
    legalName: e.legalName,
    uscc: e.uscc,
    industrySection: e.industrySection,
    industryDivision: e.industryDivision,
    status: e.status,
    address: e.address,
    district: district ?? { id: e.districtId, code: '', name: '' },
    updatedAt: e.updatedAt,
  };
}
