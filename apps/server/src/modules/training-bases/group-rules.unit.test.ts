import { describe, expect, it } from 'vitest';
import {
  memberKindOf,
  programmeLinkRefusals,
  programmeProblem,
  runsBothReforms,
  secondarySchoolIds,
} from './group-rules.ts';

const vhs = { type: 'school', groups: ['public', 'secondary-vocational'] };
const jidian = { type: 'college', groups: ['public', 'higher-vocational'] };
const med = { type: 'college', groups: ['public', 'undergraduate'] };
const yitong = { type: 'enterprise', groups: ['above-scale'] };

describe('vocational-education group rules', () => {
  it('names each member’s kind from its unit, and refuses others', () => {
    expect(memberKindOf(vhs)).toBe('vocational_school');
    expect(memberKindOf(jidian)).toBe('vocational_school');
    expect(memberKindOf(med)).toBe('undergraduate');
    expect(memberKindOf(yitong)).toBe('enterprise');
    expect(memberKindOf({ type: 'bureau', groups: ['public'] })).toBeNull();
    expect(memberKindOf({ type: 'school', groups: ['public', 'general-high'] })).toBeNull();
  });

  it('refuses an articulation programme without both a secondary and a higher school', () => {
    expect(programmeProblem('articulation', [vhs, yitong])?.code).toBe('ARTICULATION_NEEDS_BOTH_LEVELS');
    expect(programmeProblem('articulation', [vhs, jidian])).toBeNull();
    expect(programmeProblem('articulation', [vhs, med])).toBeNull();
  });

  it('refuses an apprenticeship class without an enterprise', () => {
    expect(programmeProblem('modern_apprenticeship', [vhs, jidian])?.code).toBe(
      'APPRENTICESHIP_NEEDS_ENTERPRISE',
    );
    expect(programmeProblem('enterprise_apprenticeship', [yitong])).toBeNull();
  });

  it('counts a group as reforming only with articulation and an apprenticeship', () => {
    expect(runsBothReforms(['articulation'])).toBe(false);
    expect(runsBothReforms(['modern_apprenticeship', 'enterprise_apprenticeship'])).toBe(false);
    expect(runsBothReforms(['articulation', 'enterprise_apprenticeship'])).toBe(true);
  });
});

describe('linking a joint programme to an enrolment program', () => {
  const programme = { kind: 'articulation' as const, year: 2021, secondarySchoolIds: ['vhs'] };
  const weld = { districtId: 'sd', admissionYear: 2021, track: 'vocational', schoolId: 'vhs' };
  const refused = (over: Partial<typeof programme>, program: typeof weld | undefined) =>
    programmeLinkRefusals({ ...programme, ...over }, 'sd', program).map(
      (r) => `${r.status}:${r.code}:${r.zh}:${r.en}`,
    );

  it('links an articulation programme to a 中职 program of its year at its secondary school', () => {
    expect(programmeLinkRefusals(programme, 'sd', weld)).toEqual([]);
  });

  it('refuses an apprenticeship class (400)', () => {
    expect(refused({ kind: 'modern_apprenticeship' as never }, weld)).toEqual([
      '400:LINK_NOT_ARTICULATION:只有中高职衔接项目可关联招生计划:Only an articulation programme can be linked to an enrolment program',
    ]);
  });

  it('refuses a program that is not there or of another district (400)', () => {
    const unknown = [
      '400:ENROLLMENT_PROGRAM_UNKNOWN:本区没有该招生计划:No such enrolment program in the district',
    ];
    expect(refused({}, undefined)).toEqual(unknown);
    expect(refused({}, { ...weld, districtId: 'other' })).toEqual(unknown);
  });

  it('refuses a program of another admission year (409)', () => {
    expect(refused({ year: 2022 }, weld)).toEqual([
      '409:ENROLLMENT_PROGRAM_OTHER_YEAR:该招生计划属于2021年招生，项目年度为2022年:The enrolment program is of the 2021 admission, the programme of 2022',
    ]);
  });

  it('refuses a 普高 program (409)', () => {
    expect(refused({}, { ...weld, track: 'general' })).toEqual([
      '409:ENROLLMENT_PROGRAM_NOT_VOCATIONAL:该招生计划不是中职计划（中高职衔接须关联中职招生计划）:The enrolment program is not on the secondary vocational (中职) track',
    ]);
  });

  it('refuses a program of a school that is not one of the programme’s secondary schools (409)', () => {
    expect(refused({}, { ...weld, schoolId: 'vec' })).toEqual([
      '409:ENROLLMENT_PROGRAM_OTHER_SCHOOL:该招生计划的学校不是本项目的中职成员学校:The enrolment program is not at one of the programme’s secondary vocational schools',
    ]);
  });

  it('counts only the secondary vocational schools among the units as the programme’s schools', () => {
    expect(
      secondarySchoolIds([
        { id: 'vhs', ...vhs },
        { id: 'jidian', ...jidian },
        { id: 'yitong', ...yitong },
      ]),
    ).toEqual(['vhs']);
  });
});
