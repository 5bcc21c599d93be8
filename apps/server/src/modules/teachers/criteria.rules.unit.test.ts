import { describe, expect, it } from 'vitest';
import { evaluateCriteria, type CriteriaFacts } from './criteria.rules.ts';
import { DEFAULT_DQ_CRITERIA } from './teachers.config.ts';

const facts = (over: Partial<CriteriaFacts> = {}): CriteriaFacts => ({
  hireDate: '2012-09-01',
  professionalTitle: 'intermediate',
  workHistory: [{ startsOn: '2008-07-01', endsOn: '2012-06-30' }],
  certificates: [{ kind: 'vocational_qualification', level: 'senior', issuedOn: '2015-06-01' }],
  practice: [
    { year: 2017, hours: 200 },
    { year: 2019, hours: 400 },
    { year: 2021, hours: 400 },
  ],
  recognitions: [],
  ...over,
});
const byKey = (e: ReturnType<typeof evaluateCriteria>) =>
  Object.fromEntries(e.checks.map((c) => [c.key, c.met]));

describe('evaluateCriteria', () => {
  it('lists each criterion of a level with the facts and finds an intermediate applicant eligible', () => {
    const e = evaluateCriteria(facts(), 'intermediate', DEFAULT_DQ_CRITERIA, '2021-05-20');
    expect(e.eligible).toBe(true);
    expect(byKey(e)).toEqual({
      teaching_years: true,
      practice_hours: true,
      enterprise_years: true,
      certificate: true,
      title: true,
    });
    const practice = e.checks.find((c) => c.key === 'practice_hours')!;
    expect(practice).toMatchObject({ group: 'all', actual: { zh: '1000 小时', en: '1000 hours' } });
    expect(practice.required.zh).toContain('2017–2021');
    expect(e.checks.find((c) => c.key === 'teaching_years')!.actual.zh).toBe('8 年（2012-09-01 入职）');
  });

  it('is not eligible when a required criterion fails, even with every alternative met', () => {
    const e = evaluateCriteria(
      facts({ practice: [{ year: 2015, hours: 2000 }] }),
      'intermediate',
      DEFAULT_DQ_CRITERIA,
      '2021-05-20',
    );
    expect(e.eligible).toBe(false);
    expect(e.checks.filter((c) => !c.met).map((c) => c.key)).toEqual(['practice_hours']);
  });

  it('needs only one of the alternatives (certificate, title, enterprise years)', () => {
    const none = facts({ workHistory: [], certificates: [], professionalTitle: 'junior' });
    expect(evaluateCriteria(none, 'intermediate', DEFAULT_DQ_CRITERIA, '2021-05-20').eligible).toBe(false);
    const titleOnly = facts({ workHistory: [], certificates: [] });
    expect(evaluateCriteria(titleOnly, 'intermediate', DEFAULT_DQ_CRITERIA, '2021-05-20').eligible).toBe(
      true,
    );
  });

  it('requires a valid intermediate recognition for the senior level and counts certificates only once issued', () => {
    const f = facts({
      hireDate: '2005-09-01',
      professionalTitle: 'associate_senior',
      recognitions: [{ level: 'intermediate', validFrom: '2016-01-01', validUntil: '2020-12-31' }],
    });
    const expired = evaluateCriteria(f, 'senior', DEFAULT_DQ_CRITERIA, '2021-05-20');
    expect(byKey(expired).recognition).toBe(false);
    expect(expired.eligible).toBe(false);
    const renewed = {
      ...f,
      recognitions: [
        ...f.recognitions,
        { level: 'senior' as const, validFrom: '2021-01-01', validUntil: '2025-12-31' },
      ],
    };
    expect(evaluateCriteria(renewed, 'senior', DEFAULT_DQ_CRITERIA, '2021-05-20').eligible).toBe(true);
    const future = facts({
      certificates: [{ kind: 'skill_level', level: 'senior', issuedOn: '2022-01-01' }],
      professionalTitle: 'none',
      workHistory: [],
    });
    expect(
      byKey(evaluateCriteria(future, 'intermediate', DEFAULT_DQ_CRITERIA, '2021-05-20')).certificate,
    ).toBe(false);
  });

  it('reads the thresholds from the configuration it is given', () => {
    const strict = structuredClone(DEFAULT_DQ_CRITERIA);
    strict.levels.junior.minTeachingYears = 20;
    const e = evaluateCriteria(facts(), 'junior', strict, '2021-05-20');
    expect(e.eligible).toBe(false);
    expect(e.checks[0]).toMatchObject({ key: 'teaching_years', required: { zh: '≥ 20 年' }, met: false });
  });
});
