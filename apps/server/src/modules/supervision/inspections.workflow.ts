import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayInspect, mayManage, type InspectionFacts } from './supervision.policy.ts';

const manage = (actor: Actor, i: InspectionFacts) => mayManage(actor, i.districtId);

/**
 * An inspection (督导): planned → in_progress → completed. Its plan may change until it is
 * completed; findings and interviews are recorded while it runs; its report is published once it
 * is completed. The coordinator runs it, its inspectors record what they find.
 */
export const inspectionWorkflow = defineWorkflow({
  table: 'inspection',
  auditPrefix: 'supervision.inspection',
  objectType: 'inspection',
  conflict: 'SUPERVISION_INVALID_TRANSITION',
  steps: {
    create: { from: [], to: 'planned', may: manage, action: 'created' },
    edit: { from: ['planned', 'in_progress'], may: manage, action: 'updated' },
    start: { from: ['planned'], to: 'in_progress', may: manage, action: 'started' },
    complete: { from: ['in_progress'], to: 'completed', may: manage, action: 'completed' },
    addFinding: { from: ['in_progress'], may: mayInspect, conflict: 'SUPERVISION_INSPECTION_NOT_ACTIVE' },
    recordInterview: {
      from: ['in_progress'],
      may: mayInspect,
      conflict: 'SUPERVISION_INSPECTION_NOT_ACTIVE',
    },
    publishReport: { from: ['completed'], may: manage, conflict: 'SUPERVISION_REPORT_NOT_READY' },
  },
});

type InspectionSubject = Parameters<typeof inspectionWorkflow.abilities>[1];

/** What the actor may do with an inspection now, as the API sends it. */
export function inspectionAbilities(actor: Actor, inspection: InspectionSubject) {
  const { create: _create, ...abilities } = inspectionWorkflow.abilities(actor, inspection);
  return abilities;
}
