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

/** The secondary vocational schools (中职) among a programme's units: the schools its 衔接 enrols at. */
export function secondarySchoolIds(units: ReadonlyArray<UnitFacts & { id: string }>): string[] {
  return units.filter(isSecondary).map((u) => u.id);
}

/** What the link rules read of an enrolment program (from the enrolment module's `listProgramFacts`). */
export interface LinkedProgramFacts {
  districtId: string;
  admissionYear: number;
  track: string;
  schoolId: string;
}

/** Why a link is refused: 400 for a link that cannot be (a kind or a program that is not there), 409 for a program that does not fit. */
export interface LinkRefusal {
  status: 400 | 409;
  code: string;
  zh: string;
  en: string;
}

/**
 * Why a joint programme cannot be linked to this enrolment program (empty: it can). Only a
 * 中高职衔接 programme enrols through 统一招生; the program must be one of the group's district
 * (else it is unknown, as one the keeper cannot see), of a season for the programme's year (the
 * admission year), on the 中职 track and at one of the programme's secondary member schools.
 *
 * @example programmeLinkRefusals({ kind: 'articulation', year: 2021, secondarySchoolIds: ['vhs'] }, 'sd',
 *   { districtId: 'sd', admissionYear: 2021, track: 'general', schoolId: 'vhs' })[0].code // 'ENROLLMENT_PROGRAM_NOT_VOCATIONAL'
 */
export function programmeLinkRefusals(
  programme: { kind: VetProgrammeKind; year: number; secondarySchoolIds: readonly string[] },
  districtId: string,
  program: LinkedProgramFacts | undefined,
): LinkRefusal[] {
  if (programme.kind !== 'articulation')
    return [
      {
        status: 400,
        code: 'LINK_NOT_ARTICULATION',
        zh: '只有中高职衔接项目可关联招生计划',
        en: 'Only an articulation programme can be linked to an enrolment program',
      },
    ];
  if (!program || program.districtId !== districtId)
    return [
      {
        status: 400,
        code: 'ENROLLMENT_PROGRAM_UNKNOWN',
        zh: '本区没有该招生计划',
        en: 'No such enrolment program in the district',
      },
    ];
  const refusals: LinkRefusal[] = [];
  if (program.admissionYear !== programme.year)
    refusals.push({
      status: 409,
      code: 'ENROLLMENT_PROGRAM_OTHER_YEAR',
      zh: `该招生计划属于${program.admissionYear}年招生，项目年度为${programme.year}年`,
      en: `The enrolment program is of the ${program.admissionYear} admission, the programme of ${programme.year}`,
    });
  if (program.track !== 'vocational')
    refusals.push({
      status: 409,
      code: 'ENROLLMENT_PROGRAM_NOT_VOCATIONAL',
      zh: '该招生计划不是中职计划（中高职衔接须关联中职招生计划）',
      en: 'The enrolment program is not on the secondary vocational (中职) track',
    });
  if (!programme.secondarySchoolIds.includes(program.schoolId))
    refusals.push({
      status: 409,
      code: 'ENROLLMENT_PROGRAM_OTHER_SCHOOL',
      zh: '该招生计划的学校不是本项目的中职成员学校',
      en: 'The enrolment program is not at one of the programme’s secondary vocational schools',
    });
  return refusals;
}

/**
 * The refusal of a link to an enrolment program another 中高职衔接 programme is linked to: the
 * program admits one programme's students (two would count them twice). Names the other
 * programme when it is of the same group; one of another group the keeper may not see is not named.
 *
 * @example programLinkedElsewhere({ name: '数控“3+2”', sameGroup: true }).zh
 * // '该招生计划已关联中高职衔接项目“数控“3+2””：一个中职招生计划只能对应一个中高职衔接项目'
 */
export function programLinkedElsewhere(other: { name: string; sameGroup: boolean }): LinkRefusal {
  return {
    status: 409,
    code: 'ENROLLMENT_PROGRAM_ALREADY_LINKED',
    zh: `该招生计划已关联${other.sameGroup ? `中高职衔接项目“${other.name}”` : '其他职教集团的中高职衔接项目'}：一个中职招生计划只能对应一个中高职衔接项目`,
    en: `The enrolment program is already linked to ${other.sameGroup ? `the articulation programme “${other.name}”` : 'an articulation programme of another group'}: an enrolment program belongs to one articulation programme`,
  };
}
