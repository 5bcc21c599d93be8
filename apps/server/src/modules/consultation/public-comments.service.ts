import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { rateLimitClientKey } from '../../platform/http/client-key.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import { findPlanVersion } from '../action-plans/index.ts';
import { issueChallenge, verifyChallenge, type Signer } from './challenge.ts';
import { cleanComment } from './comment-input.ts';
import * as repo from './consultation.repository.ts';
import { acceptsComments } from './consultation.policy.ts';

/** Anti-spam settings; the defaults suit a browser solving the challenge in well under a second. */
export interface AntiSpamOptions {
  /** Leading zero bits the proof of work needs (2^n hashes on average). */
  difficulty: number;
  challengeTtlMs: number;
  /** Accepted comments per client (IPv4 address or IPv6 /64) in a short window and per day. */
  perWindow: number;
  windowMs: number;
  perDay: number;
}

export const DEFAULT_ANTI_SPAM: AntiSpamOptions = {
  difficulty: 15,
  challengeTtlMs: 10 * 60_000,
  perWindow: 5,
  windowMs: 10 * 60_000,
  perDay: 30,
};

const DAY_MS = 24 * 3600_000;

/** A public comment as submitted by the portal form. */
export interface PublicCommentInput {
  clauseKey: string;
  body: string;
  authorName?: string | null;
  contact?: string | null;
  /** Honeypot: a field hidden from people; anything in it marks the submission as a bot's. */
  website?: string | null;
  challenge: { token: string; counter: number };
}

/**
 * The public's side of a consultation, no account needed: read open and closed consultations
 * clause by clause with published comments and their replies, fetch a proof-of-work challenge,
 * and submit a comment (pending until moderated). Contacts are encrypted at rest and never
 * returned here; phones and ID numbers written into published bodies and replies are masked; the
 * client's IP is kept only as a keyed hash of its rate-limit key (IPv6 by /64).
 */
export function createPublicCommentsService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  antiSpam?: Partial<AntiSpamOptions>;
}) {
  const { db, audit, clock, crypto } = deps;
  const opts: AntiSpamOptions = { ...DEFAULT_ANTI_SPAM, ...deps.antiSpam };
  const sign: Signer = (payload) => crypto.blindIndex(payload);

  async function loadPublic(id: string) {
    const c = await repo.findConsultationById(db, id);
    if (!c || c.status === 'draft') throw notFound();
    return c;
  }

  /** Refuses with a clear code unless the consultation takes comments now. */
  function assertAccepting(c: NonNullable<Awaited<ReturnType<typeof repo.findConsultationById>>>, now: Date) {
    if (acceptsComments(c, now)) return;
    if (c.status === 'closed' || now >= c.closesAt) throw new AppError('CONSULTATION_PERIOD_CLOSED', 409);
    throw new AppError('CONSULTATION_NOT_OPEN', 409);
  }

  async function listPublicConsultations() {
    const rows = await repo.listConsultations(db, { districtId: null, statuses: ['open', 'closed'] });
    const counts = await repo.countCommentsByStatus(
      db,
      rows.map((r) => r.id),
    );
    const now = clock.now();
    return Promise.all(
      rows.map(async (r) => {
        const plan = await findPlanVersion(db, r.planId);
        return {
          id: r.id,
          title: r.title,
          description: r.description,
          status: r.status,
          opensAt: r.opensAt,
          closesAt: r.closesAt,
          acceptingComments: acceptsComments(r, now),
          plan: { code: plan?.code ?? '', version: plan?.version ?? 0, title: plan?.title ?? '' },
          publishedComments: Number(
            counts.find((c) => c.consultationId === r.id && c.status === 'published')?.n ?? 0,
          ),
        };
      }),
    );
  }

  /** One consultation with its clauses and published comments (with replies); never contacts. */
  async function getPublicConsultation(id: string) {
    const c = await loadPublic(id);
    const plan = await findPlanVersion(db, c.planId);
    if (!plan) throw notFound();
    const comments = await repo.listComments(db, id, ['published']);
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      status: c.status,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      acceptingComments: acceptsComments(c, clock.now()),
      plan: { code: plan.code, version: plan.version, title: plan.title },
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
  async function getChallenge(id: string) {
    const c = await loadPublic(id);
    const now = clock.now();
    assertAccepting(c, now);
    return issueChallenge(sign, id, opts.difficulty, now, opts.challengeTtlMs);
  }

  /**
   * Accepts a public comment (pending moderation) after the honeypot, the period, the clause,
   * the content, the proof of work (signature, expiry, single use) and the client's rate limit.
   */
  async function submitComment(id: string, input: PublicCommentInput, client: { ip: string | null }) {
    if (input.website && input.website.trim() !== '') throw new AppError('CONSULTATION_SPAM', 400);
    const c = await loadPublic(id);
    const now = clock.now();
    assertAccepting(c, now);
    const plan = await findPlanVersion(db, c.planId);
    if (!plan?.clauses.some((k) => k.key === input.clauseKey))
      throw new AppError('CONSULTATION_UNKNOWN_CLAUSE', 400);
    const clean = cleanComment(input);
    if (!clean.ok) throw new AppError('VALIDATION_FAILED', 400, clean.problems);
    const check = verifyChallenge(
      sign,
      id,
      input.challenge.token,
      input.challenge.counter,
      now,
      opts.difficulty,
    );
    if (!check.ok) {
      throw new AppError(
        check.reason === 'expired' ? 'CONSULTATION_CHALLENGE_EXPIRED' : 'CONSULTATION_CHALLENGE_INVALID',
        400,
      );
    }
    const clientHash = crypto.blindIndex(`consultation-client|${rateLimitClientKey(client.ip)}`);
    return db.transaction().execute(async (trx) => {
      if (!(await repo.useChallengeNonce(trx, check.nonce, check.expiresAt, now))) {
        throw new AppError('CONSULTATION_CHALLENGE_USED', 409);
      }
      const [inWindow = 0, inDay = 0] = await repo.lockAndCountClientEvents(trx, clientHash, [
        new Date(now.getTime() - opts.windowMs),
        new Date(now.getTime() - DAY_MS),
      ]);
      if (inWindow >= opts.perWindow || inDay >= opts.perDay) throw new AppError('RATE_LIMITED', 429);
      const locked = await repo.findConsultationById(trx, id, { forUpdate: true });
      if (!locked) throw notFound();
      assertAccepting(locked, now);
      const seq = await repo.nextCommentSeq(trx, id);
      const { value } = clean;
      const { id: commentId } = await trx
        .insertInto('consultationComment')
        .values({
          consultationId: id,
          seq,
          clauseKey: input.clauseKey,
          body: value.body,
          authorName: value.authorName,
          contactCipher: value.contact ? crypto.encrypt(value.contact.value) : null,
          contactKind: value.contact?.kind ?? null,
          rejectReason: null,
          moderatedBy: null,
          moderatedAt: null,
          reply: null,
          decision: null,
          decisionReason: null,
          repliedBy: null,
          repliedAt: null,
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await repo.recordClientEvent(trx, clientHash, now, new Date(now.getTime() - DAY_MS));
      await audit.record(
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
            withContact: value.contact !== null,
          },
        },
      );
      return { id: commentId, seq, status: 'pending' as const };
    });
  }

  return { listPublicConsultations, getPublicConsultation, getChallenge, submitComment };
}

export type PublicCommentsService = ReturnType<typeof createPublicCommentsService>;
