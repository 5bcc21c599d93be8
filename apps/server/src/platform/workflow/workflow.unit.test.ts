import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { defineWorkflow } from './workflow.ts';

const actor = (userId: string) => ({ userId }) as unknown as Actor;
type Report = { ownerId: string; reviewerId: string };
const reports = defineWorkflow({
  table: 'progressReport',
  auditPrefix: 'test.report',
  objectType: 'report',
  conflict: 'PROGRESS_INVALID_TRANSITION',
  steps: {
    edit: { from: ['draft', 'returned'], may: (a: Actor, r: Report) => a.userId === r.ownerId },
    submit: { from: ['draft', 'returned'], to: 'submitted', may: (a, r) => a.userId === r.ownerId },
    approve: {
      from: ['submitted'],
      to: 'approved',
      may: (a, r) => a.userId === r.reviewerId,
      conflict: 'PROGRESS_PERIOD_NOT_OPEN',
    },
  },
});
const report = (state: 'draft' | 'submitted' | 'returned' | 'approved') => ({
  state,
  ownerId: 'clerk',
  reviewerId: 'coordinator',
});
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? [e.status, e.code] : e;
  }
  return 'allowed';
};

describe('a workflow declared once', () => {
  it('gives each actor the steps it may take in the record’s state, and nothing else', () => {
    expect(reports.abilities(actor('clerk'), report('draft'))).toEqual({
      edit: true,
      submit: true,
      approve: false,
    });
    expect(reports.abilities(actor('coordinator'), report('submitted'))).toEqual({
      edit: false,
      submit: false,
      approve: true,
    });
    expect(reports.abilities(actor('clerk'), report('approved'))).toEqual({
      edit: false,
      submit: false,
      approve: false,
    });
  });

  it('refuses with 403 who may never take the step, and with 409 (the step’s own code first) a wrong state', () => {
    expect(refusal(() => reports.assert('approve', actor('clerk'), report('submitted')))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(refusal(() => reports.assert('approve', actor('coordinator'), report('draft')))).toEqual([
      409,
      'PROGRESS_PERIOD_NOT_OPEN',
    ]);
    expect(refusal(() => reports.assert('submit', actor('clerk'), report('approved')))).toEqual([
      409,
      'PROGRESS_INVALID_TRANSITION',
    ]);
    expect(refusal(() => reports.assert('submit', actor('clerk'), report('returned')))).toBe('allowed');
  });

  it('agrees with itself: a step is allowed exactly when no refusal is thrown', () => {
    for (const who of ['clerk', 'coordinator', 'someone'])
      for (const state of ['draft', 'submitted', 'returned', 'approved'] as const)
        for (const step of reports.steps)
          expect(reports.can(step, actor(who), report(state))).toBe(
            refusal(() => reports.assert(step, actor(who), report(state))) === 'allowed',
          );
  });
});
