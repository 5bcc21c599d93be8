/**
 * The editors' side of a consultation (征求意见): create it on a draft plan version, open it for a
 * period, close it (which fixes the feedback summary) and create the revised draft version from
 * edited clauses. Every change is a step of the consultation's workflow, checked and audited in
 * its transaction. Moderation and replies are in comments.service.ts.
 */
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { findPlanVersion, listDraftPlanVersions, type ClauseEdit } from '../action-plans/index.ts';
import type { ConsultationDeps } from './consultation.deps.ts';
import { canManageConsultation } from './consultation.policy.ts';
import * as repo from './consultation.repository.ts';
import {
  consultationAbilities,
  editorComment,
  loadManaged,
  openWorkOf,
  planRef,
} from './consultation.rules.ts';
import type { CreateConsultationInput } from './consultation.schema.ts';
import { assertConsultationStep, consultationFlow } from './consultation.workflow.ts';

/** Consultations of the actor's district (every district for installation-wide roles), with counts. */
export async function listConsultations(deps: ConsultationDeps, actor: Actor) {
  // A null district means "every district" to the repository: only for actors who see everything.
  if (!actor.scope.all && actor.districtId === null) return [];
  const rows = await repo.listConsultations(deps.db, {
    districtId: actor.scope.all ? null : actor.districtId,
  });
  const counts = await repo.countCommentsByStatus(
    deps.db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (r) => {
      const n = (status: string) =>
        Number(counts.find((c) => c.consultationId === r.id && c.status === status)?.n ?? 0);
      return {
        ...r,
        plan: { id: r.planId, ...planRef(await findPlanVersion(deps.db, r.planId)) },
        counts: { pending: n('pending'), published: n('published'), rejected: n('rejected') },
      };
    }),
  );
}

/** Draft plan versions of the actor's district that have no consultation yet. */
export async function listCandidateVersions(deps: ConsultationDeps, actor: Actor) {
  if (!actor.scope.all && actor.districtId === null) return [];
  const drafts = await listDraftPlanVersions(deps.db, actor.scope.all ? null : actor.districtId);
  const taken = await Promise.all(drafts.map((d) => repo.findConsultationByPlanId(deps.db, d.id)));
  return drafts
    .filter((_, i) => !taken[i])
    .map((d) => ({ id: d.id, code: d.code, version: d.version, title: d.title }));
}

/** Prepares a consultation (a draft) on a draft plan version; one per version. */
export async function createConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  input: CreateConsultationInput,
) {
  const plan = await findPlanVersion(deps.db, input.planId);
  if (!plan || !canManageConsultation(actor, plan)) throw notFound();
  if (plan.status !== 'draft') throw new AppError('CONSULTATION_PLAN_NOT_DRAFT', 409);
  const now = deps.clock.now();
  const opensAt = input.opensAt ? new Date(input.opensAt) : now;
  const closesAt = new Date(input.closesAt);
  if (!(closesAt > opensAt) || !(closesAt > now)) throw new AppError('CONSULTATION_INVALID_PERIOD', 400);
  return deps.transaction(async (trx) => {
    if (await repo.findConsultationByPlanId(trx, plan.id)) throw new AppError('CONSULTATION_EXISTS', 409);
    const id = await repo.insertConsultation(trx, {
      planId: plan.id,
      districtId: plan.districtId,
      title: input.title?.trim() || `《${plan.title}》（第${plan.version}稿）征求意见`,
      description: input.description?.trim() ?? '',
      opensAt,
      closesAt,
      closedAt: null,
      summaryDate: null,
      revisionPlanId: null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await consultationFlow.record(deps, trx, 'create', actor, id, {
      details: { planId: plan.id, code: plan.code, version: plan.version, opensAt, closesAt },
    });
    return { id };
  });
}

/** Opens a draft consultation for comment (its period must not have ended). */
export async function openConsultation(deps: ConsultationDeps, actor: Actor, id: string) {
  await deps.transaction(async (trx) => {
    const c = await loadManaged(trx, actor, id, { forUpdate: true });
    assertConsultationStep('open', actor, c);
    if (!(c.closesAt > deps.clock.now())) throw new AppError('CONSULTATION_INVALID_PERIOD', 400);
    await consultationFlow.apply(deps, trx, 'open', actor, c);
  });
}

/** The editor view: clauses, every comment (contact masked), counts and abilities. */
export async function getConsultation(deps: ConsultationDeps, actor: Actor, id: string) {
  const c = await loadManaged(deps.db, actor, id);
  const plan = await findPlanVersion(deps.db, c.planId);
  if (!plan) throw notFound();
  const comments = await repo.listComments(deps.db, id);
  const work = openWorkOf(comments);
  const { state: _state, ...row } = c;
  return {
    ...row,
    plan: { id: plan.id, code: plan.code, version: plan.version, title: plan.title },
    clauses: plan.clauses,
    comments: comments.map((m) => editorComment(deps.crypto, m)),
    openWork: work,
    abilities: consultationAbilities(actor, c, work, deps.clock.now()),
  };
}

/**
 * Closes an open consultation once its period has ended and every comment is moderated and
 * every published one answered; the feedback summary is fixed from then on (dated today).
 */
export async function closeConsultation(deps: ConsultationDeps, actor: Actor, id: string) {
  await deps.transaction(async (trx) => {
    const c = await loadManaged(trx, actor, id, { forUpdate: true });
    assertConsultationStep('close', actor, c);
    const now = deps.clock.now();
    if (now < c.closesAt) throw new AppError('CONSULTATION_PERIOD_NOT_ENDED', 409);
    const comments = await repo.listComments(trx, id);
    const work = openWorkOf(comments);
    if (work.pending > 0 || work.unanswered > 0) {
      throw new AppError('CONSULTATION_UNANSWERED_COMMENTS', 409, {
        pending: comments.filter((m) => m.status === 'pending').map((m) => m.seq),
        unanswered: comments.filter((m) => m.status === 'published' && m.reply === null).map((m) => m.seq),
      });
    }
    await consultationFlow.apply(deps, trx, 'close', actor, c, {
      set: { closedAt: now, summaryDate: chinaDate(now) },
      details: {
        comments: comments.length,
        published: comments.filter((m) => m.status === 'published').length,
      },
    });
  });
}

/** Creates the next draft version of the plan from the consulted one with edited clauses; once. */
export async function createRevision(
  deps: ConsultationDeps,
  actor: Actor,
  id: string,
  edits: readonly ClauseEdit[],
) {
  return deps.transaction(async (trx) => {
    const c = await loadManaged(trx, actor, id, { forUpdate: true });
    assertConsultationStep('revise', actor, c);
    if (c.revisionPlanId) throw new AppError('CONSULTATION_REVISION_EXISTS', 409);
    const revision = await deps.plans.createRevision(
      trx,
      { basePlanId: c.planId, edits, importedBy: actor.userId },
      auditActorOf(actor),
    );
    await consultationFlow.apply(deps, trx, 'revise', actor, c, {
      set: { revisionPlanId: revision.planId },
      details: { planId: revision.planId, version: revision.version, clauses: revision.changedKeys },
    });
    return { planId: revision.planId, version: revision.version, changedKeys: revision.changedKeys };
  });
}
