import type { Executor } from '../../platform/db/database.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { moveFinding } from './findings.repository.ts';
import { mayInspect, type InspectionFacts } from './supervision.policy.ts';

/**
 * A finding (问题): recorded open; its rectification order makes it rectifying, and closing the
 * order (销号) resolves it. Only the recording is audited on the finding itself: the order's steps
 * carry the rest, so `issueOrder` and `resolve` move the state with `takeFindingStep` (no
 * history or audit row of their own), from and to the states declared here.
 */
export const findingWorkflow = defineWorkflow({
  table: 'finding',
  auditPrefix: 'supervision.finding',
  objectType: 'finding',
  stampColumn: null,
  conflict: 'SUPERVISION_FINDING_HAS_ORDER',
  steps: {
    record: {
      from: [],
      to: 'open',
      may: (actor, f: InspectionFacts) => mayInspect(actor, f),
      action: 'recorded',
    },
    issueOrder: { from: ['open'], to: 'rectifying', may: mayInspect },
    resolve: { from: ['rectifying'], to: 'resolved', may: mayInspect },
  },
});

/**
 * Moves a finding along `step` inside the order's transaction, or refuses with the step's 409
 * when the finding is no longer in a state the step leaves (someone moved it meanwhile).
 */
export async function takeFindingStep(trx: Executor, step: 'issueOrder' | 'resolve', id: string) {
  const rule = findingWorkflow.definition.steps[step];
  if (!(await moveFinding(trx, id, rule.from, rule.to!))) throw findingWorkflow.conflict(step);
}
