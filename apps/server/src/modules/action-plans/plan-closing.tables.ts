import type { Generated } from 'kysely';
import type { EvaluationState, FinalVerdict, IndicatorStatus, TaskOutcome } from '@zhijiao/contracts';

/** The final evaluation (终期评估) of a plan: one per plan code; closed = the plan is closed (收官). */
export interface PlanEvaluationTable {
  id: Generated<string>;
  planCode: string;
  /** The version evaluated (the current one when the evaluation was last saved). */
  planId: string;
  state: EvaluationState;
  narrative: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  /** The closing day in China (`YYYY-MM-DD`), printed on the report. */
  closedOn: string | null;
}

/** A task's outcome as the coordinator judged it, with a remark. */
export interface PlanEvaluationTaskTable {
  evaluationId: string;
  taskId: string;
  outcome: TaskOutcome;
  remark: string;
}

/** An indicator's verdict at its deadline, frozen when the plan closes. */
export interface PlanEvaluationIndicatorTable {
  evaluationId: string;
  indicatorId: string;
  deadline: string;
  value: number | null;
  valuePeriod: string | null;
  /** The status `evaluateIndicators` gave on the deadline, kept as it was. */
  status: IndicatorStatus;
  verdict: FinalVerdict;
}

/** The evaluation's history: the steps of `plan-closing.workflow.ts`. */
export interface PlanEvaluationEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  evaluationId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

export interface PlanClosingTables {
  planEvaluation: PlanEvaluationTable;
  planEvaluationTask: PlanEvaluationTaskTable;
  planEvaluationIndicator: PlanEvaluationIndicatorTable;
  planEvaluationEvent: PlanEvaluationEventTable;
}

// The closing tables are the action-plans module's: they join the app's database type here.
declare module '../../platform/db/database.types.ts' {
  interface Database extends PlanClosingTables {}
}
