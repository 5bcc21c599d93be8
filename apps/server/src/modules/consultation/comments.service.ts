/**
 * The editors' work on the public's comments while a consultation is open: publish or reject each
 * once, and answer every published one with an adoption decision (which may be revised until the
 * consultation closes). Each is a step of the comment's workflow, audited in its transaction.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound, refusedItem } from '../../platform/errors/app-error.ts';
import type { ConsultationDeps } from './consultation.deps.ts';
import * as repo from './consultation.repository.ts';
import { loadManaged } from './consultation.rules.ts';
import type { BatchModerationInput, ModerationInput, ReplyInput } from './consultation.schema.ts';
import { assertConsultationStep, commentFlow, type ConsultationStep } from './consultation.workflow.ts';

/**
 * A comment and its consultation, locked, checked that the actor manages it (404) and that the
 * consultation allows `step` now (409 once closed).
 */
async function loadForChange(trx: Executor, actor: Actor, commentId: string, step: ConsultationStep) {
  const comment = await repo.findCommentById(trx, commentId);
  if (!comment) throw notFound();
  const c = await loadManaged(trx, actor, comment.consultationId, { forUpdate: true });
  assertConsultationStep(step, actor, c);
  return { ...comment, state: comment.status, districtId: c.districtId };
}

/** Publishes a pending comment or rejects it (spam, abuse) with a reason that is kept, never shown. */
export async function moderateComment(
  deps: ConsultationDeps,
  actor: Actor,
  commentId: string,
  input: ModerationInput,
) {
  await deps.transaction(async (trx) => {
    const comment = await loadForChange(trx, actor, commentId, 'moderate');
    await moderate(deps, trx, actor, comment, input);
  });
}

/**
 * Publishes or rejects several pending comments of one consultation at once (the editors' queue),
 * all or nothing: one transaction, each comment through the same step as on its own. A comment that
 * cannot take the step (moderated already, of another consultation) refuses the whole batch, and
 * the answer names each such comment.
 */
export async function moderateComments(
  deps: ConsultationDeps,
  actor: Actor,
  consultationId: string,
  input: BatchModerationInput,
): Promise<{ moderated: number }> {
  const ids = [...new Set(input.commentIds)];
  if (input.action === 'reject' && !input.reason?.trim())
    throw new AppError('CONSULTATION_REASON_REQUIRED', 400);
  return deps.transaction(async (trx) => {
    // The consultation is locked and checked once; its comments are read in one query.
    const c = await loadManaged(trx, actor, consultationId, { forUpdate: true });
    assertConsultationStep('moderate', actor, c);
    const byId = new Map((await repo.listCommentsByIds(trx, ids)).map((row) => [row.id, row]));
    const refused: Array<{ field: string; code: string; message: string; messageEn: string }> = [];
    for (const [i, id] of ids.entries()) {
      const field = `commentIds[${i}]`;
      const comment = byId.get(id);
      if (!comment || comment.consultationId !== consultationId) {
        refused.push({ ...refusedItem(field, 'CONSULTATION_COMMENT_NOT_IN_BATCH'), code: 'NOT_FOUND' });
        continue;
      }
      try {
        await moderate(
          deps,
          trx,
          actor,
          { ...comment, state: comment.status, districtId: c.districtId },
          input,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push(refusedItem(field, error.code));
      }
    }
    if (refused.length > 0) throw new AppError('CONSULTATION_BATCH_REFUSED', 409, refused);
    return { moderated: ids.length };
  });
}

/** One comment's moderation step, in the caller's transaction. */
async function moderate(
  deps: ConsultationDeps,
  trx: Executor,
  actor: Actor,
  comment: Awaited<ReturnType<typeof loadForChange>>,
  input: ModerationInput,
) {
  const step = input.action === 'publish' ? 'publish' : 'reject';
  commentFlow.assert(step, actor, comment);
  const reason = input.reason?.trim() ?? '';
  if (step === 'reject' && reason === '') throw new AppError('CONSULTATION_REASON_REQUIRED', 400);
  await commentFlow.apply(deps, trx, step, actor, comment, {
    set: {
      rejectReason: step === 'reject' ? reason : null,
      moderatedBy: actor.userId,
      moderatedAt: deps.clock.now(),
    },
    details: step === 'reject' ? { reason } : {},
  });
}

/** Answers a published comment with a decision; a decision other than `adopted` needs a reason. */
export async function replyToComment(
  deps: ConsultationDeps,
  actor: Actor,
  commentId: string,
  input: ReplyInput,
) {
  await deps.transaction(async (trx) => {
    const comment = await loadForChange(trx, actor, commentId, 'reply');
    commentFlow.assert('reply', actor, comment);
    const reply = input.reply.trim();
    const reason = input.reason?.trim() ?? '';
    if (reply === '') throw fieldError('reply', 'REQUIRED', '请填写答复', 'The reply is required');
    if (input.decision !== 'adopted' && reason === '')
      throw new AppError('CONSULTATION_REASON_REQUIRED', 400);
    await commentFlow.apply(deps, trx, 'reply', actor, comment, {
      set: {
        reply,
        decision: input.decision,
        decisionReason: reason || null,
        repliedBy: actor.userId,
        repliedAt: deps.clock.now(),
      },
      details: { decision: input.decision, revised: comment.reply !== null },
    });
  });
}
