import { describe, expect, it } from 'vitest';
import { ratioProblem } from './progress.rules.ts';

const perStudent = { code: 'T20-PER-STUDENT', unit: '元/生·年' };
const share = { code: 'T13-INTERN-INSURANCE', unit: '%' };

describe('ratioProblem', () => {
  it('accepts a value without numerator and denominator', () => {
    expect(ratioProblem({ value: 8000 }, perStudent)).toBeNull();
    expect(ratioProblem({ value: 8000, numerator: null, denominator: null }, perStudent)).toBeNull();
  });
  it('accepts a value that is numerator ÷ denominator, rounded (× 100 for a percentage)', () => {
    expect(ratioProblem({ value: 8200, numerator: 8_203_500, denominator: 1000 }, perStudent)).toBeNull();
    expect(ratioProblem({ value: 61.5, numerator: 615, denominator: 1000 }, share)).toBeNull();
    expect(ratioProblem({ value: 61.5, numerator: 8, denominator: 13 }, share)).toBeNull();
  });
  it('refuses a value that does not match, naming the value field and the expected number', () => {
    const p = ratioProblem({ value: 8000, numerator: 7_000_000, denominator: 1000 }, perStudent);
    expect(p).toMatchObject({ field: 'value', code: 'PROGRESS_RATIO_MISMATCH' });
    expect(p?.message).toContain('7000');
    expect(p?.messageEn).toContain('7000');
    expect(ratioProblem({ value: 0.615, numerator: 615, denominator: 1000 }, share)?.code).toBe(
      'PROGRESS_RATIO_MISMATCH',
    );
    // A vanishing denominator makes the quotient infinite: no value matches it.
    expect(ratioProblem({ value: 1, numerator: 1, denominator: 1e-300 }, perStudent)?.code).toBe(
      'PROGRESS_RATIO_MISMATCH',
    );
  });
  it('asks for the other half when only one is given', () => {
    expect(ratioProblem({ value: 8000, numerator: 8_000_000 }, perStudent)).toMatchObject({
      field: 'denominator',
      code: 'PROGRESS_RATIO_INCOMPLETE',
    });
    expect(ratioProblem({ value: 8000, denominator: 1000 }, perStudent)?.field).toBe('numerator');
  });
});
