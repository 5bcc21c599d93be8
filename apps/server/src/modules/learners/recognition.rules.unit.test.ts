import { describe, expect, it } from 'vitest';
import {
  catalogueFor,
  recogniseOutcome,
  type LearningOutcome,
  type OutcomeCatalogue,
} from './recognition.rules.ts';

const catalogue2026: OutcomeCatalogue = {
  districtId: 'shangdang',
  year: 2026,
  version: 1,
  entries: [
    { type: 'one_plus_x_certificate', certificateCode: null, level: 'elementary', suggestedCredits: 40 },
    { type: 'one_plus_x_certificate', certificateCode: null, level: 'intermediate', suggestedCredits: 60 },
    {
      type: 'one_plus_x_certificate',
      certificateCode: 'WEB-FE',
      level: 'intermediate',
      suggestedCredits: 80,
    },
    { type: 'training_completion', certificateCode: null, level: null, suggestedCredits: 5 },
  ],
};
const webIntermediate: LearningOutcome = {
  id: 'o1',
  learnerId: 'l1',
  type: 'one_plus_x_certificate',
  level: 'intermediate',
  certificateCode: 'WEB-FE',
  issuer: 'org-web',
  number: '2026 0101 0001',
  achievedOn: '2026-06-20',
};
const context = { districtId: 'shangdang', today: '2026-07-01', recognised: [] };
const codes = (r: ReturnType<typeof recogniseOutcome>) =>
  r.ok ? [] : r.reasons.map((x) => `${x.field}:${x.code}`);

describe('recognising an outcome against the learning-outcome catalogue', () => {
  it('matches the line naming the certificate before the general one, and suggests its credits', () => {
    const r = recogniseOutcome(webIntermediate, [catalogue2026], context);
    expect(r).toMatchObject({ ok: true, suggestedCredits: 80, entry: { certificateCode: 'WEB-FE' } });
    const other = recogniseOutcome(
      { ...webIntermediate, certificateCode: 'BIG-DATA' },
      [catalogue2026],
      context,
    );
    expect(other).toMatchObject({ ok: true, suggestedCredits: 60, entry: { certificateCode: null } });
  });

  it('recognises an outcome without levels against a line without a level', () => {
    const training: LearningOutcome = {
      ...webIntermediate,
      type: 'training_completion',
      level: null,
      certificateCode: null,
      number: null,
    };
    expect(recogniseOutcome(training, [catalogue2026], context)).toMatchObject({
      ok: true,
      suggestedCredits: 5,
    });
  });

  it('reads the highest version of the district’s catalogue for the outcome’s year', () => {
    const v2 = {
      ...catalogue2026,
      version: 2,
      entries: [{ ...catalogue2026.entries[2]!, suggestedCredits: 70 }],
    };
    const otherDistrict = { ...v2, districtId: 'elsewhere', version: 3 };
    expect(catalogueFor([catalogue2026, v2, otherDistrict], 'shangdang', 2026)).toBe(v2);
    expect(catalogueFor([catalogue2026], 'shangdang', 2025)).toBeNull();
    expect(recogniseOutcome(webIntermediate, [catalogue2026, v2], context)).toMatchObject({
      ok: true,
      suggestedCredits: 70,
    });
  });

  it('refuses a type the year’s catalogue does not list (OUTCOME_TYPE_NOT_CATALOGUED), naming the year', () => {
    const award = { ...webIntermediate, type: 'competition_award' as const };
    const r = recogniseOutcome(award, [catalogue2026], context);
    expect(codes(r)).toEqual(['type:OUTCOME_TYPE_NOT_CATALOGUED']);
    expect(!r.ok && r.reasons[0]!.zh).toContain('2026');
    const lastYear = { ...webIntermediate, achievedOn: '2025-12-31' };
    expect(codes(recogniseOutcome(lastYear, [catalogue2026], context))).toEqual([
      'type:OUTCOME_TYPE_NOT_CATALOGUED',
    ]);
  });

  it('refuses a level the catalogue does not list for the type (OUTCOME_LEVEL_NOT_LISTED), naming those listed', () => {
    const r = recogniseOutcome({ ...webIntermediate, level: 'advanced' }, [catalogue2026], context);
    expect(codes(r)).toEqual(['level:OUTCOME_LEVEL_NOT_LISTED']);
    expect(!r.ok && r.reasons[0]!.zh).toContain('高级');
    expect(!r.ok && r.reasons[0]!.en).toContain('listed: elementary, intermediate');
  });

  it('refuses an outcome dated after today (OUTCOME_DATE_IN_FUTURE)', () => {
    const r = recogniseOutcome(webIntermediate, [catalogue2026], { ...context, today: '2026-06-19' });
    expect(codes(r)).toEqual(['achievedOn:OUTCOME_DATE_IN_FUTURE']);
    expect(recogniseOutcome(webIntermediate, [catalogue2026], { ...context, today: '2026-06-20' }).ok).toBe(
      true,
    );
  });

  it('refuses a 1+X certificate without its number (CERTIFICATE_NUMBER_MISSING), blank counting as missing', () => {
    for (const number of [null, '  ']) {
      expect(codes(recogniseOutcome({ ...webIntermediate, number }, [catalogue2026], context))).toEqual([
        'number:CERTIFICATE_NUMBER_MISSING',
      ]);
    }
  });

  it('refuses the same issuer’s certificate number twice (OUTCOME_ALREADY_RECOGNISED), whatever its spacing and case', () => {
    const recognised = [{ issuer: 'org-web', number: '202601010001' }];
    expect(codes(recogniseOutcome(webIntermediate, [catalogue2026], { ...context, recognised }))).toEqual([
      'number:OUTCOME_ALREADY_RECOGNISED',
    ]);
    const lower = { ...webIntermediate, number: 'ab 12', issuer: 'org-web' };
    expect(
      codes(
        recogniseOutcome(lower, [catalogue2026], {
          ...context,
          recognised: [{ issuer: 'org-web', number: 'AB12' }],
        }),
      ),
    ).toEqual(['number:OUTCOME_ALREADY_RECOGNISED']);
    const otherIssuer = [{ issuer: 'org-other', number: '202601010001' }];
    expect(
      recogniseOutcome(webIntermediate, [catalogue2026], { ...context, recognised: otherIssuer }).ok,
    ).toBe(true);
  });

  it('lists every reason at once', () => {
    const bad = { ...webIntermediate, level: 'advanced' as const, number: null, achievedOn: '2026-08-01' };
    expect(codes(recogniseOutcome(bad, [catalogue2026], context))).toEqual([
      'level:OUTCOME_LEVEL_NOT_LISTED',
      'achievedOn:OUTCOME_DATE_IN_FUTURE',
      'number:CERTIFICATE_NUMBER_MISSING',
    ]);
  });
});
