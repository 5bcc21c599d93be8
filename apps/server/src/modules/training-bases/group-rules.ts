import type { VetGroupMemberKind, VetProgrammeKind } from '@zhijiao/contracts';

/** The unit facts the group rules read (an org unit's type and groups). */
export interface UnitFacts {
  type: string;
  groups: readonly string[];
}

/**
 * What kind of member a unit is: an enterprise; an applied undergraduate university (a college in
 * the group `undergraduate`); a vocational school (a 中职 school, or a college of 高职). Null: it
 * cannot be a member (a bureau, a general high school …).
 *
 * @example memberKindOf({ type: 'college', groups: ['public', 'higher-vocational'] }) // 'vocational_school'
 */
export function memberKindOf(unit: UnitFacts): VetGroupMemberKind | null {
  if (unit.type === 'enterprise') return 'enterprise';
  if (unit.type === 'college' && unit.groups.includes('undergraduate')) return 'undergraduate';
  if (unit.type === 'college' && unit.groups.includes('higher-vocational')) return 'vocational_school';
  if (unit.type === 'school' && unit.groups.includes('secondary-vocational')) return 'vocational_school';
  return null;
}

const isSecondary = (u: UnitFacts) => u.type === 'school' && u.groups.includes('secondary-vocational');
const isHigher = (u: UnitFacts) =>
  u.type === 'college' && (u.groups.includes('higher-vocational') || u.groups.includes('undergraduate'));

/**
 * Why a joint programme cannot be run by these member units (null: it can). 中高职衔接 links a
 * secondary vocational school with a higher one (高职 or applied undergraduate); an apprenticeship
 * class (现代学徒制, 企业新型学徒制) is run with an enterprise.
 */
export function programmeProblem(
  kind: VetProgrammeKind,
  units: readonly UnitFacts[],
): { code: string; zh: string; en: string } | null {
  if (kind === 'articulation' && !(units.some(isSecondary) && units.some(isHigher)))
    return {
      code: 'ARTICULATION_NEEDS_BOTH_LEVELS',
      zh: '中高职衔接须由中职学校与高职院校（或应用型本科高校）共同开展',
      en: 'Articulation needs a secondary vocational school and a higher vocational (or applied undergraduate) college',
    };
  if (kind !== 'articulation' && !units.some((u) => u.type === 'enterprise'))
    return {
      code: 'APPRENTICESHIP_NEEDS_ENTERPRISE',
      zh: '学徒制班须有企业参与',
      en: 'An apprenticeship class needs an enterprise',
    };
  return null;
}

/**
 * Whether the programmes a group ran make it a group running the reform T15 names: both a
 * 中高职衔接 enrolment programme and an apprenticeship class (现代学徒制 or 企业新型学徒制).
 */
export function runsBothReforms(kinds: readonly VetProgrammeKind[]): boolean {
  return kinds.includes('articulation') && kinds.some((k) => k !== 'articulation');
}
