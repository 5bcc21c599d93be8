import { LEARNER_STATUSES, type LearnerStatus } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import { statusChangeRefusals, STATUS_TRANSITIONS } from './learners.rules.ts';

const TODAY = '2024-09-10';
const enrolled = { status: 'enrolled' as const, statusSince: '2023-09-01' };
const change = (to: LearnerStatus, on = '2024-09-01', reason = '家庭原因') => ({ to, on, reason });

describe('the student register’s status changes', () => {
  it.each([
    ['enrolled', 'suspended'],
    ['enrolled', 'transferred'],
    ['enrolled', 'withdrawn'],
    ['enrolled', 'graduated'],
    ['suspended', 'enrolled'],
    ['suspended', 'withdrawn'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(statusChangeRefusals({ status: from, statusSince: '2023-09-01' }, change(to), TODAY)).toEqual([]);
  });

  it('allows exactly the listed transitions and no other', () => {
    const allowed = LEARNER_STATUSES.flatMap((from) =>
      LEARNER_STATUSES.filter(
        (to) =>
          statusChangeRefusals({ status: from, statusSince: '2023-09-01' }, change(to), TODAY).length === 0,
      ).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(
      LEARNER_STATUSES.flatMap((from) => STATUS_TRANSITIONS[from].map((to) => `${from}→${to}`)),
    );
    expect(allowed).toHaveLength(6);
  });

  it('refuses the status the learner already has', () => {
    expect(statusChangeRefusals(enrolled, change('enrolled'), TODAY)).toEqual([
      {
        code: 'STATUS_UNCHANGED',
        field: 'status',
        zh: '学生已是“在籍”状态',
        en: 'The student is already enrolled',
      },
    ]);
  });

  it.each(['transferred', 'withdrawn', 'graduated'] as const)(
    'refuses any change after %s (final)',
    (from) => {
      const refusals = statusChangeRefusals(
        { status: from, statusSince: '2024-07-01' },
        change('enrolled'),
        TODAY,
      );
      expect(refusals.map((r) => [r.code, r.field])).toEqual([['STATUS_FINAL', 'status']]);
    },
  );

  it('names the final status in zh and en', () => {
    expect(
      statusChangeRefusals({ status: 'graduated', statusSince: '2024-07-01' }, change('suspended'), TODAY),
    ).toEqual([
      {
        code: 'STATUS_FINAL',
        field: 'status',
        zh: '“毕业”是最终状态，不能再变更',
        en: 'Graduated is final; the status cannot change any more',
      },
    ]);
  });

  it('refuses 休学 → 转学 and 休学 → 毕业, naming both statuses', () => {
    const suspended = { status: 'suspended' as const, statusSince: '2024-03-01' };
    expect(statusChangeRefusals(suspended, change('transferred'), TODAY)).toEqual([
      {
        code: 'STATUS_TRANSITION_NOT_ALLOWED',
        field: 'status',
        zh: '不能从“休学”变更为“转学”',
        en: 'A student cannot go from suspended to transferred out',
      },
    ]);
    expect(statusChangeRefusals(suspended, change('graduated'), TODAY)).toEqual([
      {
        code: 'STATUS_TRANSITION_NOT_ALLOWED',
        field: 'status',
        zh: '不能从“休学”变更为“毕业”',
        en: 'A student cannot go from suspended to graduated',
      },
    ]);
  });

  it('refuses a day before the last change, and accepts the same day', () => {
    expect(statusChangeRefusals(enrolled, change('suspended', '2023-08-31'), TODAY)).toEqual([
      {
        code: 'DATE_BEFORE_LAST_CHANGE',
        field: 'date',
        zh: '变更日期 2023-08-31 早于上一次学籍变更（2023-09-01）',
        en: "The date 2023-08-31 is before the student's last status change (2023-09-01)",
      },
    ]);
    expect(statusChangeRefusals(enrolled, change('suspended', '2023-09-01'), TODAY)).toEqual([]);
  });

  it('refuses a day in the future, and accepts today', () => {
    expect(statusChangeRefusals(enrolled, change('suspended', '2024-09-11'), TODAY)).toEqual([
      {
        code: 'DATE_IN_FUTURE',
        field: 'date',
        zh: '变更日期 2024-09-11 不能晚于今天（2024-09-10）',
        en: 'The date 2024-09-11 cannot be after today (2024-09-10)',
      },
    ]);
    expect(statusChangeRefusals(enrolled, change('suspended', TODAY), TODAY)).toEqual([]);
  });

  it.each(['2024-02-30', '2024-9-1', 'yesterday'])('refuses %s, not a real day', (on) => {
    expect(statusChangeRefusals(enrolled, change('suspended', on), TODAY)).toEqual([
      {
        code: 'DATE_INVALID',
        field: 'date',
        zh: `变更日期 ${on} 不是有效日期（格式 YYYY-MM-DD）`,
        en: `The date ${on} is not a real day (YYYY-MM-DD)`,
      },
    ]);
  });

  it('refuses a blank reason', () => {
    expect(statusChangeRefusals(enrolled, change('suspended', '2024-09-01', '  '), TODAY)).toEqual([
      {
        code: 'REASON_REQUIRED',
        field: 'reason',
        zh: '请填写学籍变更原因',
        en: 'A reason for the status change is required',
      },
    ]);
  });

  it('gives every reason at once', () => {
    const refusals = statusChangeRefusals(
      { status: 'withdrawn', statusSince: '2024-05-01' },
      change('graduated', '2024-04-30', ''),
      '2024-04-29',
    );
    expect(refusals.map((r) => r.code)).toEqual([
      'STATUS_FINAL',
      'DATE_BEFORE_LAST_CHANGE',
      'DATE_IN_FUTURE',
      'REASON_REQUIRED',
    ]);
  });
});
