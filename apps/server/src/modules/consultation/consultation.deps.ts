import type { AuditActor } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { ClauseEdit } from '../action-plans/index.ts';
import type { RenderedSummaries } from './rendered-summaries.ts';

/** What the consultation module calls of the plan module: the next draft version from edited clauses. */
export interface PlanRevisions {
  createRevision(
    trx: Executor,
    input: { basePlanId: string; edits: readonly ClauseEdit[]; importedBy?: string | null },
    actor: AuditActor,
  ): Promise<{ planId: string; version: number; changedKeys: string[] }>;
}

/** The consultation module's dependencies: the platform's, the plan's revisions, its rendered summaries. */
export interface ConsultationDeps extends ModuleDeps {
  plans: PlanRevisions;
  summaries: RenderedSummaries;
}
