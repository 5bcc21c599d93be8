import type { EvaluationState } from '@zhijiao/contracts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayClosePlan } from './action-plans.policy.ts';

/** What the closing workflow's rules read: the plan's district. */
export interface EvaluationFacts {
  districtId: string;
}

type EvaluationStep = 'create' | 'save' | 'close';

/**
 * A plan's final evaluation (终期评估): the coordinator drafts it (per-task outcomes, narrative)
 * and saves it as often as needed, then closes the plan with it (draft → closed), which freezes
 * the indicators' verdicts. Every step writes a history row (`plan_evaluation_event`) and an audit
 * row (`plan.evaluation_<action>`). `create` is never a move: the first save inserts the draft.
 */
export const evaluationWorkflow = defineWorkflow<EvaluationState, EvaluationFacts, EvaluationStep>({
  table: 'planEvaluation',
  history: { table: 'planEvaluationEvent', key: 'evaluationId' },
  auditPrefix: 'plan',
  objectType: 'plan_evaluation',
  conflict: 'PLAN_CLOSED',
  steps: {
    create: {
      from: [],
      to: 'draft',
      may: (actor, f) => mayClosePlan(actor, f),
      action: 'evaluation_created',
    },
    save: { from: ['draft'], may: (actor, f) => mayClosePlan(actor, f), action: 'evaluation_saved' },
    close: { from: ['draft'], to: 'closed', may: (actor, f) => mayClosePlan(actor, f), action: 'closed' },
  },
});
