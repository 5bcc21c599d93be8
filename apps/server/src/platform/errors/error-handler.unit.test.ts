import { describe, expect, it } from 'vitest';
import { checkedField } from './error-handler.ts';

/**
 * The names are the ones PostgreSQL gave CHECK constraints declared without a name (read from
 * `pg_constraint` on PostgreSQL 15): `<table>_<column>_check`, a number after `check` for a second
 * one on the same column, `<table>_check` for a check over several columns, and the table's part
 * clipped when the whole name would pass 63 characters.
 */
describe('checkedField: the field a violated CHECK constraint guards', () => {
  it('reads the column of <table>_<column>_check, in the API’s camelCase', () => {
    expect(
      checkedField({ table: 'cooperation_agreement', constraint: 'cooperation_agreement_title_check' }),
    ).toBe('title');
    expect(checkedField({ table: 'teacher', constraint: 'teacher_birth_year_check' })).toBe('birthYear');
    expect(checkedField({ table: 'enrollment_quota', constraint: 'enrollment_quota_share_2pct_check' })).toBe(
      'share2pct',
    );
  });

  it('reads the column of a numbered name, a second check on the same column (check1, check2 …)', () => {
    expect(checkedField({ table: 'teacher', constraint: 'teacher_birth_year_check1' })).toBe('birthYear');
    expect(checkedField({ table: 'training_base', constraint: 'training_base_capacity_check12' })).toBe(
      'capacity',
    );
  });

  it('reads the column when PostgreSQL clipped the table’s part of a long name', () => {
    expect(
      checkedField({
        table: 'enterprise_certification_application_review_line',
        constraint: 'enterprise_certification_applica_disagreement_reason_text_check',
      }),
    ).toBe('disagreementReasonText');
  });

  it('answers body for a check over several columns (<table>_check, <table>_check1)', () => {
    expect(checkedField({ table: 'teacher', constraint: 'teacher_check' })).toBe('body');
    expect(checkedField({ table: 'teacher', constraint: 'teacher_check1' })).toBe('body');
  });

  it('answers the constraint’s own name, camelCased, for a name of another form', () => {
    expect(checkedField({ table: 'teacher', constraint: 'hire_after_birth' })).toBe('hireAfterBirth');
    expect(checkedField({ table: 'teacher', constraint: 'internship_period_check' })).toBe(
      'internshipPeriodCheck',
    );
    expect(checkedField({ constraint: 'teacher_birth_year_check' })).toBe('teacherBirthYearCheck');
    expect(checkedField({ table: 'teacher' })).toBe('body');
  });
});
