import { describe, expect, it } from 'vitest';
import {
  destinationFigures,
  destinationProblems,
  keepKindFields,
  type DestinationFact,
  type DestinationInput,
} from './destination.rules.ts';

const blank: DestinationInput = {
  kind: 'employed',
  settledOn: null,
  employerName: null,
  employerUnitId: null,
  relevantToMajor: null,
  monthlyPay: null,
  region: null,
  institutionName: null,
  studyLevel: null,
  studyRoute: null,
  note: null,
};
const GRADUATED = '2025-07-01';
const TODAY = '2026-01-10';
const fields = (input: Partial<DestinationInput>) =>
  destinationProblems({ ...blank, ...input }, GRADUATED, TODAY).map((p) => `${p.field}:${p.code}`);

describe('destinationProblems', () => {
  it('names every field a kind needs, in zh and en', () => {
    expect(fields({ kind: 'employed' })).toEqual([
      'settledOn:REQUIRED',
      'employerName:REQUIRED',
      'relevantToMajor:REQUIRED',
      'region:REQUIRED',
    ]);
    expect(fields({ kind: 'further_study' })).toEqual([
      'settledOn:REQUIRED',
      'institutionName:REQUIRED',
      'studyLevel:REQUIRED',
      'studyRoute:REQUIRED',
    ]);
    expect(fields({ kind: 'other', note: '   ' })).toEqual(['note:REQUIRED']);
    expect(fields({ kind: 'seeking' })).toEqual([]);
    const [problem] = destinationProblems({ ...blank, kind: 'enlisted' }, GRADUATED, TODAY);
    expect(problem).toMatchObject({ zh: '请填写去向落实日期', en: 'State the day it began' });
  });

  it('keeps the day within a year before graduation and today, and the pay within sense', () => {
    const employed = {
      kind: 'employed',
      employerName: '易通集团',
      relevantToMajor: true,
      region: 'district',
    } as const;
    expect(fields({ ...employed, settledOn: '2024-07-01', monthlyPay: 3200 })).toEqual([]);
    expect(fields({ ...employed, settledOn: '2024-06-30' })).toEqual(['settledOn:TOO_EARLY']);
    expect(fields({ ...employed, settledOn: '2026-01-11' })).toEqual(['settledOn:IN_FUTURE']);
    expect(fields({ ...employed, settledOn: TODAY, monthlyPay: 499 })).toEqual(['monthlyPay:OUT_OF_RANGE']);
    expect(fields({ ...employed, settledOn: TODAY, monthlyPay: 3200.5 })).toEqual([
      'monthlyPay:OUT_OF_RANGE',
    ]);
    expect(fields({ ...employed, settledOn: TODAY, monthlyPay: 100_000 })).toEqual([]);
  });

  it('judges a kind only on its own fields: another kind’s left in the form are cleared, not refused', () => {
    const stray = {
      ...blank,
      kind: 'enlisted',
      settledOn: TODAY,
      monthlyPay: 10,
      institutionName: ' x ',
    } as const;
    expect(destinationProblems(stray, GRADUATED, TODAY)).toEqual([]);
    expect(keepKindFields(stray)).toEqual({ ...blank, kind: 'enlisted', settledOn: TODAY });
    expect(keepKindFields({ ...blank, kind: 'other', note: '  出国  ' }).note).toBe('出国');
  });
});

describe('destinationFigures', () => {
  const fact = (f: Partial<DestinationFact> & Pick<DestinationFact, 'kind'>): DestinationFact => ({
    relevantToMajor: null,
    monthlyPay: null,
    region: null,
    studyRoute: null,
    ...f,
  });

  it('counts employment, further study and the settled share over all graduates, unrecorded ones included', () => {
    const figures = destinationFigures(10, [
      fact({ kind: 'employed', relevantToMajor: true, monthlyPay: 3000, region: 'district' }),
      fact({ kind: 'employed', relevantToMajor: false, monthlyPay: 4000, region: 'elsewhere' }),
      fact({ kind: 'self_employed', relevantToMajor: true, region: 'district' }),
      fact({ kind: 'enlisted' }),
      fact({ kind: 'further_study', studyRoute: 'articulation' }),
      fact({ kind: 'further_study', studyRoute: 'vocational_exam' }),
      fact({ kind: 'seeking' }),
    ]);
    expect(figures).toMatchObject({
      graduates: 10,
      recorded: 7,
      employed: 4,
      articulation: 1,
      settledShare: 0.6,
      employmentShare: 0.4,
      furtherStudyShare: 0.2,
      meanPay: 3500,
      medianPay: 3500,
    });
    expect(figures.relevantShare).toBeCloseTo(2 / 3);
    expect(figures.inDistrictShare).toBeCloseTo(2 / 3);
    expect(figures.counts).toEqual({
      employed: 2,
      self_employed: 1,
      enlisted: 1,
      further_study: 2,
      seeking: 1,
      other: 0,
    });
  });

  it('has no shares without graduates, and the median of an odd count is the middle pay', () => {
    expect(destinationFigures(0, [])).toMatchObject({
      settledShare: null,
      employmentShare: null,
      relevantShare: null,
      meanPay: null,
      medianPay: null,
    });
    const pays = [5000, 2800, 3100].map((monthlyPay) => fact({ kind: 'employed', monthlyPay }));
    expect(destinationFigures(3, pays)).toMatchObject({ medianPay: 3100, meanPay: 3633 });
  });
});
