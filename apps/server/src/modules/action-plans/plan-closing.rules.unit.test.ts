import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors/app-error.ts';
import {
  assertClosable,
  coordinatingUnitId,
  foreignTasks,
  missingOutcomes,
  planPhase,
  proposedOutcome,
  verdictOf,
} from './plan-closing.rules.ts';

describe('plan closing rules', () => {
  it('reads a plan as running up to its end date, ended after it, closed once evaluated', () => {
    expect(planPhase('2022-12-31', '2022-12-31', null)).toBe('running');
    expect(planPhase('2022-12-31', '2023-01-01', null)).toBe('ended');
    expect(planPhase('2022-12-31', '2026-12-07', 'draft')).toBe('ended');
    expect(planPhase('2022-12-31', '2026-12-07', 'closed')).toBe('closed');
  });
  it('takes the status on the deadline as the verdict: only met is met, no value is no data', () => {
    expect(verdictOf('met')).toBe('met');
    expect(verdictOf('no_data')).toBe('no_data');
    for (const s of ['on_track', 'at_risk', 'off_track'] as const) expect(verdictOf(s)).toBe('not_met');
  });
  it('proposes an outcome from the latest approved progress', () => {
    expect(proposedOutcome('completed')).toBe('completed');
    expect(proposedOutcome('on_track')).toBe('partly');
    expect(proposedOutcome('at_risk')).toBe('partly');
    expect(proposedOutcome('behind')).toBe('not_completed');
    expect(proposedOutcome(null)).toBe('not_completed');
  });
  it('finds the coordinating unit: the lead of most tasks, ties to the earliest, else the district', () => {
    const leads = [
      { unitId: 'fin', taskNumber: 1 },
      { unitId: 'edu', taskNumber: 2 },
      { unitId: 'edu', taskNumber: 3 },
    ];
    expect(coordinatingUnitId(leads, 'district')).toBe('edu');
    expect(coordinatingUnitId(leads.slice(0, 2), 'district')).toBe('fin');
    expect(coordinatingUnitId([], 'district')).toBe('district');
  });
  it('refuses with 409 before the end date and once closed, naming the field in both languages', () => {
    const refusal = (today: string, state: string | null) => {
      try {
        assertClosable({ endDate: '2022-12-31' }, today, state);
        return null;
      } catch (e) {
        return e as AppError;
      }
    };
    expect(refusal('2023-01-01', 'draft')).toBeNull();
    const early = refusal('2022-12-31', null)!;
    expect([early.code, early.status]).toEqual(['PLAN_NOT_ENDED', 409]);
    expect(early.details).toEqual([
      expect.objectContaining({ field: 'plan.endDate', message: expect.stringContaining('2022-12-31') }),
    ]);
    const closed = refusal('2026-12-07', 'closed')!;
    expect([closed.code, closed.status]).toEqual(['PLAN_CLOSED', 409]);
    expect(closed.details).toEqual([expect.objectContaining({ messageEn: expect.stringMatching(/closed/) })]);
  });
  it('names the tasks without an outcome and the tasks not in the plan', () => {
    const tasks = [
      { id: 'a', label: '（一）' },
      { id: 'b', label: '（二）' },
    ];
    expect(missingOutcomes(tasks, [{ taskId: 'a' }]).map((m) => m.field)).toEqual(['tasks.（二）']);
    expect(foreignTasks(new Set(['a']), [{ taskId: 'a' }, { taskId: 'x' }]).map((m) => m.field)).toEqual([
      'tasks.1.taskId',
    ]);
  });
});
