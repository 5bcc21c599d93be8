import type { AuditActor } from '../../platform/audit/audit-log.ts';

/** The job kind that runs a batch's match (declared in the module definition's `jobs`). */
export const MATCH_JOB = 'enrollment.match';

/** What a match job carries: the batch, and who started it (for the run's audit row). */
export type MatchJobPayload = {
  batchId: string;
  actor: AuditActor;
  userId: string;
};
