import type { PlacementState, PostState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayKeepPlacements, mayKeepPosts, partyOf } from './internships.policy.ts';

interface PostFacts {
  enterpriseId: string;
}
interface PlacementFacts {
  schoolId: string;
  enterpriseId: string;
}

const enterprise = (actor: Actor, p: PostFacts) => mayKeepPosts(actor, p.enterpriseId);
const school = (actor: Actor, p: PlacementFacts) => mayKeepPlacements(actor, p.schoolId);
const eitherParty = (actor: Actor, p: PlacementFacts) => partyOf(actor, p) !== null;

/**
 * A post, declared once: the enterprise edits its draft, publishes it (once it passes the post
 * rules, checked by the service) and closes it. Audit rows `internships.post.<action>`.
 */
export const postWorkflow = defineWorkflow({
  table: 'internshipPost',
  auditPrefix: 'internships.post',
  objectType: 'internship_post',
  conflict: 'INTERNSHIP_POST_INVALID_TRANSITION',
  steps: {
    edit: { from: ['draft'] as PostState[], may: enterprise, action: 'updated' },
    publish: { from: ['draft'], to: 'published', may: enterprise, action: 'published' },
    close: { from: ['published'], to: 'closed', may: enterprise, action: 'closed' },
  },
});

/**
 * A placement, declared once: the school gathers the documents on the draft (待启动), starts it
 * once every document is on file and the rules pass (checked by the service), may extend it, and
 * records its end (completed or terminated: completion needs the evaluations, checked by the
 * service). During and just after it the school or the host enterprise reports incidents (the
 * report window after the end checked by the service) and the insurer's notification (by the
 * school or the party that reported the incident: `mayNotifyInsurer`, checked by the service); while it runs
 * each writes its own evaluation. Each step writes a history row and an audit row
 * `internships.placement.<action>`.
 */
export const placementWorkflow = defineWorkflow({
  table: 'internshipPlacement',
  history: { table: 'internshipPlacementEvent', key: 'placementId' },
  auditPrefix: 'internships.placement',
  objectType: 'internship_placement',
  conflict: 'INTERNSHIP_PLACEMENT_INVALID_TRANSITION',
  steps: {
    create: { from: ['draft'] as PlacementState[], may: school, action: 'created' },
    edit: { from: ['draft'], may: school, action: 'updated' },
    documents: { from: ['draft', 'active'], may: school, action: 'documents_updated' },
    activate: { from: ['draft'], to: 'active', may: school, action: 'activated' },
    extend: { from: ['active'], may: school, action: 'extended' },
    complete: { from: ['active'], to: 'completed', may: school, action: 'completed' },
    terminate: { from: ['draft', 'active'], to: 'terminated', may: school, action: 'terminated' },
    reportIncident: {
      from: ['active', 'completed', 'terminated'],
      may: eitherParty,
      action: 'incident_reported',
    },
    notifyInsurer: {
      from: ['active', 'completed', 'terminated'],
      may: eitherParty,
      action: 'insurer_notified',
    },
    evaluate: { from: ['active'], may: eitherParty, action: 'evaluated' },
  },
});
