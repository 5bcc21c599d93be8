import type { Permission } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { reportWorkflow, type ReportSubject } from './progress.workflow.ts';

const actor = (userId: string, orgUnitId: string, permissions: Permission[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  role: 'unit_clerk',
  orgUnitId,
  sessionId: 's',
  mfa: false,
  restriction: null,
  permissions: new Set(permissions),
  scope: { all: false, orgUnitIds: [orgUnitId] },
  districtId: 'sd',
  ip: null,
});
const clerk = actor('clerk', 'hrss', ['progress.report']);
const otherClerk = actor('other', 'fin', ['progress.report']);
const coordinator = actor('coordinator', 'edu', ['progress.report', 'progress.review']);
const report = (state: ReportSubject['state']): ReportSubject => ({
  id: 'r',
  state,
  orgUnitId: 'hrss',
  authorIds: ['clerk'],
});

describe('the progress report workflow', () => {
  it('lets the writing unit edit and submit a draft or returned report, and nothing else', () => {
    for (const state of ['draft', 'returned'] as const)
      expect(reportWorkflow.abilities(clerk, report(state))).toMatchObject({
        edit: true,
        submit: true,
        approve: false,
        return: false,
      });
    expect(reportWorkflow.abilities(clerk, report('submitted'))).toMatchObject({
      edit: false,
      submit: false,
    });
    expect(reportWorkflow.abilities(otherClerk, report('draft'))).toMatchObject({
      edit: false,
      submit: false,
    });
  });

  it('lets a reviewer approve or return a submitted report, never one they wrote, edited or submitted', () => {
    expect(reportWorkflow.abilities(coordinator, report('submitted'))).toMatchObject({
      approve: true,
      return: true,
      edit: false,
    });
    expect(reportWorkflow.abilities(coordinator, report('approved'))).toMatchObject({ approve: false });
    const own = { ...report('submitted'), orgUnitId: 'edu', authorIds: ['coordinator'] };
    expect(reportWorkflow.abilities(coordinator, own)).toMatchObject({ approve: false, return: false });
    const editedByReviewer = {
      ...report('submitted'),
      orgUnitId: 'edu',
      authorIds: ['edu-clerk', 'coordinator'],
    };
    expect(reportWorkflow.abilities(coordinator, editedByReviewer)).toMatchObject({
      approve: false,
      return: false,
    });
  });

  it('refuses with 403 who may never take a step and 409 a step the state does not allow', () => {
    const refusal = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return [(e as AppError).status, (e as AppError).code];
      }
      return null;
    };
    expect(refusal(() => reportWorkflow.assert('approve', clerk, report('submitted')))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(refusal(() => reportWorkflow.assert('approve', coordinator, report('draft')))).toEqual([
      409,
      'PROGRESS_INVALID_TRANSITION',
    ]);
    const ownReport = { ...report('submitted'), authorIds: ['clerk', 'coordinator'] };
    expect(refusal(() => reportWorkflow.assert('return', coordinator, ownReport))).toEqual([
      403,
      'SELF_REVIEW',
    ]);
    expect(refusal(() => reportWorkflow.assert('edit', clerk, report('approved')))).toEqual([
      409,
      'PROGRESS_INVALID_TRANSITION',
    ]);
  });
});
