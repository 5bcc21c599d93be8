import { describe, expect, it } from 'vitest';
import { memberKindOf, programmeProblem, runsBothReforms } from './group-rules.ts';

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
