/**
 * The public's side of a consultation, no account needed: read open and closed consultations
 * clause by clause with published comments and their replies, fetch a proof-of-work challenge,
 * and submit a comment (pending until moderated). Contacts are encrypted at rest and never
 * returned here; phones and ID numbers written into published bodies and replies are masked; the
 * client's IP is kept only as a keyed hash of its rate-limit key (IPv6 by /64).
 */
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { rateLimitClientKey } from '../../platform/http/client-key.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import { findPlanVersion } from '../action-plans/index.ts';
import { issueChallenge, verifyChallenge, type Signer } from './challenge.ts';
import { cleanComment } from './comment-input.ts';
import { isPublic } from './consultation.policy.ts';
import * as repo from './consultation.repository.ts';
import { planRef } from './consultation.rules.ts';
import type { SubmitCommentInput } from './consultation.schema.ts';
import { acceptsComments } from './consultation.workflow.ts';

/**
 * Anti-spam settings, suited to a browser solving the challenge in well under a second: leading
 * zero bits of the proof of work (2^n hashes on average), how long a challenge lasts, and accepted
 * comments per client (IPv4 address or IPv6 /64) in a short window and per day.
 */
const ANTI_SPAM = {
  difficulty: 15,
  challengeTtlMs: 10 * 60_000,
  perWindow: 5,
  windowMs: 10 * 60_000,
  perDay: 30,
};

const DAY_MS = 24 * 3600_000;

const signer =
  (deps: ModuleDeps): Signer =>
  (payload) =>
    deps.crypto.blindIndex(payload);

type ConsultationRow = NonNullable<Awaited<ReturnType<typeof repo.findConsultationById>>>;

/** A consultation the public may read (not a draft), or 404. */
async function loadPublic(deps: ModuleDeps, id: string) {
  const c = await repo.findConsultationById(deps.db, id);
  if (!c || !isPublic(c)) throw notFound();
  return c;
}

/** Refuses with a clear code unless the consultation takes comments now. */
function assertAccepting(c: ConsultationRow, now: Date) {
  if (acceptsComments(c, now)) return;
  if (c.status === 'closed' || now >= c.closesAt) throw new AppError('CONSULTATION_PERIOD_CLOSED', 409);
  throw new AppError('CONSULTATION_NOT_OPEN', 409);
}

/** Checks the comment itself: honeypot, period, clause, content and proof of work; answers the clean text and nonce. */
async function checkSubmission(deps: ModuleDeps, id: string, input: SubmitCommentInput) {
  if (input.website && input.website.trim() !== '') throw new AppError('CONSULTATION_SPAM', 400);
  const c = await loadPublic(deps, id);
  const now = deps.clock.now();
  assertAccepting(c, now);
  const plan = await findPlanVersion(deps.db, c.planId);
  if (!plan?.clauses.some((k) => k.key === input.clauseKey))
    throw new AppError('CONSULTATION_UNKNOWN_CLAUSE', 400);
  const clean = cleanComment(input);
  if (!clean.ok) throw new AppError('VALIDATION_FAILED', 400, clean.problems);
  const check = verifyChallenge(
    signer(deps),
    id,
    input.challenge.token,
    input.challenge.counter,
    now,
    ANTI_SPAM.difficulty,
  );
  if (!check.ok) {
    throw new AppError(
      check.reason === 'expired' ? 'CONSULTATION_CHALLENGE_EXPIRED' : 'CONSULTATION_CHALLENGE_INVALID',
      400,
    );
  }
  return { comment: clean.value, challenge: check };
}

/** Open and closed consultations for the portal, with their published comment counts. */
export async function listPublicConsultations(deps: ModuleDeps) {
  const rows = await repo.listConsultations(deps.db, { districtId: null, statuses: ['open', 'closed'] });
  const counts = await repo.countCommentsByStatus(
    deps.db,
    rows.map((r) => r.id),
  );
  const now = deps.clock.now();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      acceptingComments: acceptsComments(r, now),
      plan: planRef(await findPlanVersion(deps.db, r.planId)),
      publishedComments: Number(
        counts.find((c) => c.consultationId === r.id && c.status === 'published')?.n ?? 0,
      ),
    })),
  );
}

/** One consultation with its clauses and published comments (with replies); never contacts. */
export async function getPublicConsultation(deps: ModuleDeps, id: string) {
  const c = await loadPublic(deps, id);
  const plan = await findPlanVersion(deps.db, c.planId);
  if (!plan) throw notFound();
  const comments = await repo.listComments(deps.db, id, ['published']);
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    status: c.status,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    acceptingComments: acceptsComments(c, deps.clock.now()),
    plan: planRef(plan),
    publishedComments: comments.length,
    clauses: plan.clauses,
    comments: comments.map((m) => ({
      seq: m.seq,
      clauseKey: m.clauseKey,
      body: redactPersonalData(m.body),
      authorName: m.authorName,
      createdAt: m.createdAt,
      reply: m.reply === null ? null : redactPersonalData(m.reply),
      decision: m.decision,
      decisionReason: m.decisionReason === null ? null : redactPersonalData(m.decisionReason),
      repliedAt: m.repliedAt,
    })),
  };
}

/** A fresh proof-of-work challenge for one comment on an open consultation. */
export async function getChallenge(deps: ModuleDeps, id: string) {
  const c = await loadPublic(deps, id);
  const now = deps.clock.now();
  assertAccepting(c, now);
  return issueChallenge(signer(deps), id, ANTI_SPAM.difficulty, now, ANTI_SPAM.challengeTtlMs);
}

/**
 * Accepts a public comment (pending moderation) after the honeypot, the period, the clause,
 * the content, the proof of work (signature, expiry, single use) and the client's rate limit.
 */
export async function submitComment(
  deps: ModuleDeps,
  id: string,
  input: SubmitCommentInput,
  client: { ip: string | null },
) {
  const { comment, challenge } = await checkSubmission(deps, id, input);
  const now = deps.clock.now();
  const clientHash = deps.crypto.blindIndex(`consultation-client|${rateLimitClientKey(client.ip)}`);
  return deps.transaction(async (trx) => {
    if (!(await repo.useChallengeNonce(trx, challenge.nonce, challenge.expiresAt, now)))
      throw new AppError('CONSULTATION_CHALLENGE_USED', 409);
    const [inWindow = 0, inDay = 0] = await repo.lockAndCountClientEvents(trx, clientHash, [
      new Date(now.getTime() - ANTI_SPAM.windowMs),
      new Date(now.getTime() - DAY_MS),
    ]);
    if (inWindow >= ANTI_SPAM.perWindow || inDay >= ANTI_SPAM.perDay) throw new AppError('RATE_LIMITED', 429);
    const locked = await repo.findConsultationById(trx, id, { forUpdate: true });
    if (!locked) throw notFound();
    assertAccepting(locked, now);
    const seq = await repo.nextCommentSeq(trx, id);
    const commentId = await repo.insertComment(trx, {
      consultationId: id,
      seq,
      clauseKey: input.clauseKey,
      body: comment.body,
      authorName: comment.authorName,
      contactCipher: comment.contact ? deps.crypto.encrypt(comment.contact.value) : null,
      contactKind: comment.contact?.kind ?? null,
      rejectReason: null,
      moderatedBy: null,
      moderatedAt: null,
      reply: null,
      decision: null,
      decisionReason: null,
      repliedBy: null,
      repliedAt: null,
      createdAt: now,
    });
    await repo.recordClientEvent(trx, clientHash, now, new Date(now.getTime() - DAY_MS));
    // The public has no account: the audit row names it and keeps the client's address.
    await deps.audit.record(
      trx,
      { id: null, name: 'public', orgUnitId: null, ip: client.ip },
      {
        action: 'consultation.comment.submit',
        objectType: 'consultation_comment',
        objectId: commentId,
        details: {
          consultationId: id,
          clauseKey: input.clauseKey,
          seq,
          withContact: comment.contact !== null,
        },
      },
    );
    return { id: commentId, seq, status: 'pending' as const };
  });
}
