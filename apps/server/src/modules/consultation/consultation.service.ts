import type { AdoptionDecision } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import {
  findPlanVersion,
  listDraftPlanVersions,
  type ClauseEdit,
  type PlanImportService,
} from '../action-plans/index.ts';
import { maskContact } from './comment-input.ts';
import * as repo from './consultation.repository.ts';
import { canManageConsultation, consultationAbilities, type OpenWork } from './consultation.policy.ts';

/** What the consultation module needs from the action-plan module. */
export interface PlanRevisions {
  createRevision: PlanImportService['createRevision'];
  /** Drops cached plan state after a new version is committed. */
  invalidate(): void;
}

/** Open work that blocks closing: pending comments and published comments without a reply. */
export function openWorkOf(comments: ReadonlyArray<{ status: string; reply: string | null }>): OpenWork {
  return {
    pending: comments.filter((c) => c.status === 'pending').length,
    unanswered: comments.filter((c) => c.status === 'published' && c.reply === null).length,
  };
}

/**
 * The editors' side of a consultation (征求意见): create it on a draft plan version, open it for a
 * period, moderate the public's comments, answer each with an adoption decision, close it (which
 * fixes the feedback summary) and create the revised draft version from edited clauses. Every
 * change checks the policy, runs in one transaction and writes its audit row there.
 */
export function createConsultationService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  plans: PlanRevisions;
}) {
  const { db, audit, clock, crypto } = deps;

  /** A consultation the actor manages, or 404 (not visible → not found). */
  async function loadManaged(actor: Actor, id: string, trx: Executor = db, forUpdate = false) {
    const c = await repo.findConsultationById(trx, id, { forUpdate });
    if (!c || !canManageConsultation(actor, c)) throw notFound();
    return c;
  }

  async function listConsultations(actor: Actor) {
    // A null district means "every district" to the repository: only for actors who see everything.
    if (!actor.scope.all && actor.districtId === null) return [];
    const rows = await repo.listConsultations(db, { districtId: actor.scope.all ? null : actor.districtId });
    const counts = await repo.countCommentsByStatus(
      db,
      rows.map((r) => r.id),
    );
    return Promise.all(
      rows.map(async (r) => {
        const plan = await findPlanVersion(db, r.planId);
        const n = (status: string) =>
          Number(counts.find((c) => c.consultationId === r.id && c.status === status)?.n ?? 0);
        return {
          ...r,
          plan: {
            id: r.planId,
            code: plan?.code ?? '',
            version: plan?.version ?? 0,
            title: plan?.title ?? '',
          },
          counts: { pending: n('pending'), published: n('published'), rejected: n('rejected') },
        };
      }),
    );
  }

  /** Draft plan versions of the actor's district that have no consultation yet. */
  async function listCandidateVersions(actor: Actor) {
    if (!actor.scope.all && actor.districtId === null) return [];
    const drafts = await listDraftPlanVersions(db, actor.scope.all ? null : actor.districtId);
    const taken = await Promise.all(drafts.map((d) => repo.findConsultationByPlanId(db, d.id)));
    return drafts
      .filter((_, i) => !taken[i])
      .map((d) => ({ id: d.id, code: d.code, version: d.version, title: d.title }));
  }

  async function createConsultation(
    actor: Actor,
    input: { planId: string; title?: string; description?: string; opensAt?: string; closesAt: string },
  ) {
    const plan = await findPlanVersion(db, input.planId);
    if (!plan || !canManageConsultation(actor, plan)) throw notFound();
    if (plan.status !== 'draft') throw new AppError('CONSULTATION_PLAN_NOT_DRAFT', 409);
    const now = clock.now();
    const opensAt = input.opensAt ? new Date(input.opensAt) : now;
    const closesAt = new Date(input.closesAt);
    if (!(closesAt > opensAt) || !(closesAt > now)) throw new AppError('CONSULTATION_INVALID_PERIOD', 400);
    return db.transaction().execute(async (trx) => {
      if (await repo.findConsultationByPlanId(trx, plan.id)) throw new AppError('CONSULTATION_EXISTS', 409);
      const { id } = await trx
        .insertInto('consultation')
        .values({
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
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'consultation.create',
        objectType: 'consultation',
        objectId: id,
        details: { planId: plan.id, code: plan.code, version: plan.version, opensAt, closesAt },
      });
      return { id };
    });
  }

  async function openConsultation(actor: Actor, id: string) {
    await db.transaction().execute(async (trx) => {
      const c = await loadManaged(actor, id, trx, true);
      if (c.status !== 'draft') throw new AppError('CONSULTATION_INVALID_TRANSITION', 409);
      if (!(c.closesAt > clock.now())) throw new AppError('CONSULTATION_INVALID_PERIOD', 400);
      await trx.updateTable('consultation').set({ status: 'open' }).where('id', '=', id).execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'consultation.open',
        objectType: 'consultation',
        objectId: id,
      });
    });
  }

  /** The editor view: clauses, every comment (contact masked), counts and abilities. */
  async function getConsultation(actor: Actor, id: string) {
    const c = await loadManaged(actor, id);
    const plan = await findPlanVersion(db, c.planId);
    if (!plan) throw notFound();
    const comments = await repo.listComments(db, id);
    const work = openWorkOf(comments);
    return {
      ...c,
      plan: { id: plan.id, code: plan.code, version: plan.version, title: plan.title },
      clauses: plan.clauses,
      comments: comments.map((m) => ({
        id: m.id,
        seq: m.seq,
        clauseKey: m.clauseKey,
        body: m.body,
        authorName: m.authorName,
        contact:
          m.contactCipher && m.contactKind
            ? maskContact(m.contactKind, crypto.decrypt(m.contactCipher))
            : null,
        status: m.status,
        rejectReason: m.rejectReason,
        reply: m.reply,
        decision: m.decision,
        decisionReason: m.decisionReason,
        createdAt: m.createdAt,
        repliedAt: m.repliedAt,
      })),
      openWork: work,
      abilities: consultationAbilities(actor, c, work, clock.now()),
    };
  }

  /** Locks a comment and its consultation, checking the actor manages it and it is still open. */
  async function loadCommentForChange(trx: Executor, actor: Actor, commentId: string) {
    const comment = await repo.findCommentById(trx, commentId);
    if (!comment) throw notFound();
    const c = await loadManaged(actor, comment.consultationId, trx, true);
    if (c.status === 'closed') throw new AppError('CONSULTATION_CLOSED', 409);
    const locked = await repo.findCommentById(trx, commentId, { forUpdate: true });
    return { c, comment: locked! };
  }

  /** Publishes a pending comment or rejects it (spam, abuse) with a reason that is kept, never shown. */
  async function moderateComment(
    actor: Actor,
    commentId: string,
    input: { action: 'publish' | 'reject'; reason?: string },
  ) {
    await db.transaction().execute(async (trx) => {
      const { comment } = await loadCommentForChange(trx, actor, commentId);
      if (comment.status !== 'pending') throw new AppError('CONSULTATION_COMMENT_MODERATED', 409);
      const reason = input.reason?.trim() ?? '';
      if (input.action === 'reject' && reason === '') throw new AppError('CONSULTATION_REASON_REQUIRED', 400);
      await trx
        .updateTable('consultationComment')
        .set({
          status: input.action === 'publish' ? 'published' : 'rejected',
          rejectReason: input.action === 'reject' ? reason : null,
          moderatedBy: actor.userId,
          moderatedAt: clock.now(),
        })
        .where('id', '=', commentId)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: input.action === 'publish' ? 'consultation.comment.publish' : 'consultation.comment.reject',
        objectType: 'consultation_comment',
        objectId: commentId,
        details: input.action === 'reject' ? { reason } : {},
      });
    });
  }

  /** Answers a published comment with a decision; a decision other than `adopted` needs a reason. */
  async function replyToComment(
    actor: Actor,
    commentId: string,
    input: { reply: string; decision: AdoptionDecision; reason?: string },
  ) {
    await db.transaction().execute(async (trx) => {
      const { comment } = await loadCommentForChange(trx, actor, commentId);
      if (comment.status !== 'published') throw new AppError('CONSULTATION_COMMENT_NOT_PUBLISHED', 409);
      const reply = input.reply.trim();
      const reason = input.reason?.trim() ?? '';
      if (reply === '') throw fieldError('reply', 'REQUIRED', '请填写答复', 'The reply is required');
      if (input.decision !== 'adopted' && reason === '')
        throw new AppError('CONSULTATION_REASON_REQUIRED', 400);
      await trx
        .updateTable('consultationComment')
        .set({
          reply,
          decision: input.decision,
          decisionReason: reason || null,
          repliedBy: actor.userId,
          repliedAt: clock.now(),
        })
        .where('id', '=', commentId)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'consultation.comment.reply',
        objectType: 'consultation_comment',
        objectId: commentId,
        details: { decision: input.decision, revised: comment.reply !== null },
      });
    });
  }

  /**
   * Closes an open consultation once its period has ended and every comment is moderated and
   * every published one answered; the feedback summary is fixed from then on (dated today).
   */
  async function closeConsultation(actor: Actor, id: string) {
    await db.transaction().execute(async (trx) => {
      const c = await loadManaged(actor, id, trx, true);
      if (c.status === 'closed') throw new AppError('CONSULTATION_CLOSED', 409);
      if (c.status !== 'open') throw new AppError('CONSULTATION_INVALID_TRANSITION', 409);
      const now = clock.now();
      if (now < c.closesAt) throw new AppError('CONSULTATION_PERIOD_NOT_ENDED', 409);
      const comments = await repo.listComments(trx, id);
      const work = openWorkOf(comments);
      if (work.pending > 0 || work.unanswered > 0) {
        throw new AppError('CONSULTATION_UNANSWERED_COMMENTS', 409, {
          pending: comments.filter((m) => m.status === 'pending').map((m) => m.seq),
          unanswered: comments.filter((m) => m.status === 'published' && m.reply === null).map((m) => m.seq),
        });
      }
      await trx
        .updateTable('consultation')
        .set({ status: 'closed', closedAt: now, summaryDate: chinaDate(now) })
        .where('id', '=', id)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'consultation.close',
        objectType: 'consultation',
        objectId: id,
        details: {
          comments: comments.length,
          published: comments.filter((m) => m.status === 'published').length,
        },
      });
    });
  }

  /** Creates the next draft version of the plan from the consulted one with edited clauses. */
  async function createRevision(actor: Actor, id: string, edits: readonly ClauseEdit[]) {
    const result = await db.transaction().execute(async (trx) => {
      const c = await loadManaged(actor, id, trx, true);
      if (c.status !== 'closed') throw new AppError('CONSULTATION_NOT_CLOSED', 409);
      if (c.revisionPlanId) throw new AppError('CONSULTATION_REVISION_EXISTS', 409);
      const revision = await deps.plans.createRevision(
        trx,
        { basePlanId: c.planId, edits, importedBy: actor.userId },
        auditActorOf(actor),
      );
      await trx
        .updateTable('consultation')
        .set({ revisionPlanId: revision.planId })
        .where('id', '=', id)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'consultation.revise',
        objectType: 'consultation',
        objectId: id,
        details: { planId: revision.planId, version: revision.version, clauses: revision.changedKeys },
      });
      return { planId: revision.planId, version: revision.version, changedKeys: revision.changedKeys };
    });
    deps.plans.invalidate();
    return result;
  }

  return {
    loadManaged,
    listConsultations,
    listCandidateVersions,
    createConsultation,
    openConsultation,
    getConsultation,
    moderateComment,
    replyToComment,
    closeConsultation,
    createRevision,
  };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
