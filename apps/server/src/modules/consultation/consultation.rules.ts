import type { Actor } from '../../platform/auth/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { PlanVersionView } from '../action-plans/index.ts';
import { maskContact } from './comment-input.ts';
import { canManageConsultation } from './consultation.policy.ts';
import { findConsultationById, type CommentRow } from './consultation.repository.ts';
import { consultationFlow, consultationSubject } from './consultation.workflow.ts';

/** A consultation the actor manages (optionally locked for the transaction), or 404. */
export async function loadManaged(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  const c = await findConsultationById(db, id, opts);
  if (!c || !canManageConsultation(actor, c)) throw notFound();
  return consultationSubject(c);
}

/** Counts of a consultation's comments that block closing it. */
export interface OpenWork {
  pending: number;
  unanswered: number;
}

/** Open work that blocks closing: pending comments and published comments without a reply. */
export function openWorkOf(comments: ReadonlyArray<{ status: string; reply: string | null }>): OpenWork {
  return {
    pending: comments.filter((c) => c.status === 'pending').length,
    unanswered: comments.filter((c) => c.status === 'published' && c.reply === null).length,
  };
}

/** What the UI may offer on a consultation now (the server checks again on each request). */
export function consultationAbilities(
  actor: Actor,
  c: Awaited<ReturnType<typeof loadManaged>>,
  work: OpenWork,
  now: Date,
) {
  const can = consultationFlow.abilities(actor, c);
  return {
    open: can.open,
    close: can.close && now >= c.closesAt && work.pending === 0 && work.unanswered === 0,
    moderate: can.moderate,
    reply: can.reply,
    revise: can.revise && c.revisionPlanId === null,
  };
}

/** The plan version as lists show it. */
export function planRef(plan: PlanVersionView | undefined) {
  return { code: plan?.code ?? '', version: plan?.version ?? 0, title: plan?.title ?? '' };
}

/** A comment as the editors see it: every field but the contact, which is shown masked. */
export function editorComment(crypto: FieldCrypto, m: CommentRow) {
  return {
    id: m.id,
    seq: m.seq,
    clauseKey: m.clauseKey,
    body: m.body,
    authorName: m.authorName,
    contact:
      m.contactCipher && m.contactKind ? maskContact(m.contactKind, crypto.decrypt(m.contactCipher)) : null,
    status: m.status,
    rejectReason: m.rejectReason,
    reply: m.reply,
    decision: m.decision,
    decisionReason: m.decisionReason,
    createdAt: m.createdAt,
    repliedAt: m.repliedAt,
  };
}
