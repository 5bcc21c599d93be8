import type { Permission } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertOrderStep, orderAbilities } from './orders.workflow.ts';

const actor = (userId: string, permissions: Permission[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  role: 'coordinator',
  orgUnitId: 'unit',
  sessionId: 's',
  mfa: false,
  restriction: null,
  permissions: new Set(permissions),
  scope: { all: false, orgUnitIds: ['district', 'unit'] },
  districtId: 'district',
  ip: null,
});
const order = (state: 'answered' | 'verified', authorIds: string[]) => ({
  state,
  districtId: 'district',
  inspectorIds: ['both'],
  orgUnitId: 'unit',
  pendingExtension: true,
  authorIds,
});

describe('the rectification order workflow', () => {
  it('lets nobody verify, send back, close or decide an extension of an order they answered', () => {
    // An account holding both sides (no role does today): the rule must not depend on that.
    const both = actor('both', ['supervision.inspect', 'supervision.respond']);
    expect(orderAbilities(both, order('answered', ['both']))).toMatchObject({
      verify: false,
      sendBack: false,
      decideExtension: false,
    });
    expect(orderAbilities(both, order('verified', ['clerk', 'both']))).toMatchObject({ close: false });
    expect(orderAbilities(both, order('answered', ['clerk']))).toMatchObject({
      verify: true,
      sendBack: true,
      decideExtension: true,
    });
    expect(orderAbilities(both, order('verified', ['clerk']))).toMatchObject({ close: true });
    expect(() => assertOrderStep('close', both, order('verified', ['both']))).toThrow(
      expect.objectContaining({ status: 403, code: 'SELF_REVIEW' }),
    );
  });
});
