import { describe, expect, it } from 'vitest';
import { addMonths, latestAlertableApproval, projectStepAlert } from './project-deadlines.rules.ts';

describe('addMonths', () => {
  it('moves by whole months, keeping the day or taking the last day of a shorter month', () => {
    expect(addMonths('2020-06-01', 12)).toBe('2021-06-01');
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 24)).toBe('2022-02-28');
    expect(addMonths('2021-06-04', -12)).toBe('2020-06-04');
  });
});

describe('projectStepAlert', () => {
  const approved = { state: 'approved' as const, approvedOn: '2020-06-01' };
  it('owes the mid-term check a year after approval: nothing until 7 days before, then blue', () => {
    expect(projectStepAlert(approved, '2021-05-24')).toBeNull();
    expect(projectStepAlert(approved, '2021-05-25')).toEqual({
      step: 'midterm',
      kind: 'project_midterm_due',
      tier: 'blue',
      dueDate: '2021-06-01',
      daysLate: -7,
    });
  });
  it('is overdue after the due date: yellow up to 30 days, red later', () => {
    expect(projectStepAlert(approved, '2021-07-01')).toMatchObject({
      kind: 'project_midterm_overdue',
      tier: 'yellow',
    });
    expect(projectStepAlert(approved, '2021-07-02')).toMatchObject({ tier: 'red', daysLate: 31 });
  });
  it('owes acceptance two years after approval once past the mid-term check', () => {
    expect(projectStepAlert({ state: 'midterm_passed', approvedOn: '2020-06-01' }, '2022-05-30')).toEqual({
      step: 'acceptance',
      kind: 'project_acceptance_due',
      tier: 'blue',
      dueDate: '2022-06-01',
      daysLate: -2,
    });
  });
  it('owes nothing before approval, after the last step, or without a date of approval', () => {
    for (const state of ['applied', 'reviewing', 'accepted', 'failed', 'rejected', 'withdrawn'] as const)
      expect(projectStepAlert({ state, approvedOn: '2018-01-01' }, '2022-01-01')).toBeNull();
    expect(projectStepAlert({ state: 'approved', approvedOn: null }, '2022-01-01')).toBeNull();
  });
});

describe('latestAlertableApproval', () => {
  it('reaches every project whose mid-term check is within 7 days, with slack for month ends', () => {
    expect(latestAlertableApproval('2021-05-25')).toBe('2020-06-04');
    const today = '2021-02-21';
    const bound = latestAlertableApproval(today);
    expect(projectStepAlert({ state: 'approved', approvedOn: '2020-02-29' }, today)).not.toBeNull();
    expect('2020-02-29' <= bound).toBe(true);
  });
});
