import type { ResourceLicence, ResourceShareState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayManageSchool, mayReview } from './programs.policy.ts';

/** What the sharing rules read of a resource: whose it is. */
interface ResourceFacts {
  schoolId: string;
  districtId: string;
}

/**
 * Sharing a teaching resource district-wide, declared once: the school asks (private or refused →
 * pending), the district's reviewers share it (→ shared) or refuse with a reason (→ refused).
 * Each step writes an audit row `programs.resource.<action>`. Editing a shared resource sends it
 * back to review (`shareStateAfterEdit`).
 */
export const resourceSharing = defineWorkflow({
  table: 'teachingResource',
  stateColumn: 'shareState',
  auditPrefix: 'programs.resource',
  objectType: 'teaching_resource',
  conflict: 'PROGRAM_INVALID_TRANSITION',
  steps: {
    requestSharing: {
      from: ['private', 'refused'] as ResourceShareState[],
      to: 'pending',
      may: (actor: Actor, r: ResourceFacts) => mayManageSchool(actor, r.schoolId),
      action: 'sharing_requested',
    },
    share: {
      from: ['pending'],
      to: 'shared',
      may: (actor: Actor, r: ResourceFacts) => mayReview(actor, r.districtId),
      action: 'shared',
    },
    refuse: {
      from: ['pending'],
      to: 'refused',
      may: (actor: Actor, r: ResourceFacts) => mayReview(actor, r.districtId),
      action: 'sharing_refused',
    },
  },
});

/** A resource under a licence that keeps it in its school (校内使用) is never shared. */
export function assertShareable(licence: ResourceLicence): void {
  if (licence === 'school_only') throw new AppError('PROGRAM_RESOURCE_NOT_SHAREABLE', 409);
}

/**
 * The sharing state after the school edits a resource: a shared one goes back to review (what was
 * reviewed changed), or back to the school when its licence no longer allows sharing.
 */
export function shareStateAfterEdit(state: ResourceShareState, licence: ResourceLicence): ResourceShareState {
  if (state !== 'shared') return state;
  return licence === 'school_only' ? 'private' : 'pending';
}

/** What the actor may do with a resource now. */
export function resourceAbilities(
  actor: Actor,
  r: ResourceFacts & { shareState: ResourceShareState; licence: ResourceLicence },
) {
  const can = resourceSharing.abilities(actor, { ...r, state: r.shareState });
  const manage = mayManageSchool(actor, r.schoolId);
  return {
    edit: manage,
    delete: manage,
    requestSharing: can.requestSharing && r.licence !== 'school_only',
    reviewSharing: can.share,
  };
}
