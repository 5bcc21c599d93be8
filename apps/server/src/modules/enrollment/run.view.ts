import type { Actor } from '../../platform/auth/actor.ts';
import type { SeasonRef } from './enrollment.policy.ts';
import type { Selectable } from 'kysely';
import type { EnrollmentRunTable } from './enrollment.tables.ts';
import type { MatchingSummary } from './matching/index.ts';
import { runWorkflow } from './run.workflow.ts';

type RunRow = Selectable<EnrollmentRunTable>;

/** A run as 招生办 sees it (without the engine output), with what the actor may do with it. */
export function runView(actor: Actor, r: RunRow, season: SeasonRef) {
  return {
    id: r.id,
    batchId: r.batchId,
    state: r.state,
    inputHash: r.inputHash,
    summary: r.summary as unknown as MatchingSummary,
    createdAt: r.createdAt,
    reviewedAt: r.reviewedAt,
    publishedAt: r.publishedAt,
    abilities: runWorkflow.abilities(actor, { state: r.state, districtId: season.districtId }),
  };
}
