import type { Permission } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { dqApplications } from './dq-application.workflow.ts';

const actor = (userId: string, permissions: Permission[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  role: 'coordinator',
  orgUnitId: 'school',
  sessionId: 's',
  mfa: false,
  restriction: null,
  permissions: new Set(permissions),
  scope: { all: false, orgUnitIds: ['district', 'school'] },
  districtId: 'district',
  ip: null,
});

const application = (authorIds: string[]) => ({
  state: 'school_passed' as const,
  schoolId: 'school',
  districtId: 'district',
  authorIds,
});

describe('the 双师型 application workflow', () => {
  it('gives no district decision to whoever submitted or resubmitted the application', () => {
    // An account holding both sides (no role does today): the rule must not depend on that.
    const both = actor('both', ['teacher.manage', 'teacher.review']);
    expect(dqApplications.abilities(both, application(['clerk', 'both']))).toMatchObject({
      approve: false,
      refuse: false,
    });
    expect(dqApplications.abilities(both, application(['clerk']))).toMatchObject({
      approve: true,
      refuse: true,
    });
    expect(() => dqApplications.assert('refuse', both, application(['both']))).toThrow(
      expect.objectContaining({ status: 403, code: 'SELF_REVIEW' }),
    );
  });
});
