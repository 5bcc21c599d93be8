import { openCredentialCount, revokeCredential } from '../../platform/credentials/index.ts';
import { outcomeCredentialRef } from './outcome-credential.service.ts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { findCatalogueInForce } from './catalogue.repository.ts';
import { mayReviewOutcomes } from './credit-bank.policy.ts';
import { postFor, revokeOutcome } from './credit-ledger.rules.ts';
import { lockLearnerStanding } from './learners.repository.ts';
import { appendEntries, listEntries } from './ledger.repository.ts';
import { getOutcome, visibleOutcome } from './outcomes.service.ts';
import * as repo from './outcomes.repository.ts';
import {
  normaliseCertificateNumber,
  recogniseOutcome,
  type CreditBankReason,
  type RecognitionCheck,
} from './recognition.rules.ts';

/*
 * The district's decisions on learning outcomes (认定, 不予认定, 撤销): a reviewer of the learner's
 * district (credit-bank.policy.ts) judges a 待认定 outcome against the district's catalogue for the
 * outcome's year (recognition.rules.ts); recognition posts its credits to the learner's account,
 * revocation reverses exactly the credits still standing (credit-ledger.rules.ts). Each decision is
 * one transaction holding the learner's row lock (the account's writes are serialised) and the
 * outcome's, with its audit row.
 */

/** Rule reasons as error details: field, code, zh and en. */
const asDetails = (reasons: readonly CreditBankReason[]) =>
  reasons.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en }));

/** Locks the learner's account, then the outcome (always in this order: no deadlock), and reads it. */
async function lockForDecision(trx: Executor, outcome: { id: string; learnerId: string }) {
  await lockLearnerStanding(trx, outcome.learnerId);
  return (await repo.lockOutcome(trx, outcome.id))!;
}

/** The catalogue check of a locked outcome on `today`, and the catalogue version it read. */
async function catalogueCheck(
  trx: Executor,
  o: repo.OutcomeRow,
  today: string,
): Promise<{ check: RecognitionCheck; catalogueId: string | null }> {
  const inForce = await findCatalogueInForce(trx, o.districtId, Number(o.achievedOn.slice(0, 4)));
  const held =
    o.number === null
      ? []
      : await repo.findOutcomesByCertificates(trx, [
          { issuer: o.issuer, numberKey: normaliseCertificateNumber(o.number) },
        ]);
  const recognised = held
    .filter((h) => h.id !== o.id && h.status === 'recognised' && h.number !== null)
    .map((h) => ({ issuer: h.issuer, number: h.number! }));
  const check = recogniseOutcome(
    {
      id: o.id,
      learnerId: o.learnerId,
      type: o.type,
      level: o.level,
      certificateCode: o.certificateCode,
      issuer: o.issuer,
      number: o.number,
      achievedOn: o.achievedOn,
    },
    inForce ? [inForce.catalogue] : [],
    { districtId: o.districtId, today, recognised },
  );
  return { check, catalogueId: inForce?.id ?? null };
}

/**
 * What recognising the outcome today would do, without doing it: the catalogue check the decision
 * itself runs (`catalogueCheck`) — its suggested credits when it passes, else every reason in zh and
 * en — so the reviewer's form is preset by the rule, not by a copy of it. Anyone who sees the
 * outcome may ask (the school learns what the district will judge; the catalogue is public to the
 * district anyway); 404 for an outcome out of sight.
 *
 * @example await checkRecognition(deps, coordinator, outcomeId) // { recognisable: true, suggestedCredits: 80, reasons: [] }
 */
export async function checkRecognition(deps: ModuleDeps, actor: Actor, outcomeId: string) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  const { check } = await catalogueCheck(deps.db, row, chinaDate(deps.clock.now()));
  return check.ok
    ? { recognisable: true, suggestedCredits: check.suggestedCredits, reasons: [] }
    : {
        recognisable: false,
        suggestedCredits: null,
        reasons: check.reasons.map((r) => ({ code: r.code, zh: r.zh, en: r.en })),
      };
}

/**
 * Recognises (认定) a 待认定 outcome: checked against the catalogue in force for its year, its
 * credits (the reviewer's, else the catalogue's suggestion) recorded and posted to the learner's
 * account. Refused: 403 for a reviewer of another district or a school, 409 `OUTCOME_NOT_PENDING`,
 * 409 `OUTCOME_NOT_RECOGNISABLE` with every reason of the catalogue check.
 *
 * @example await recogniseLearningOutcome(deps, coordinator, outcomeId, {}) // { status: 'recognised', recognitions: [{ credits: 80, … }], … }
 */
export async function recogniseLearningOutcome(
  deps: ModuleDeps,
  actor: Actor,
  outcomeId: string,
  input: { credits?: number; note?: string },
) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  if (!mayReviewOutcomes(actor, row)) throw forbidden();
  await deps.transaction(async (trx) => {
    const o = await lockForDecision(trx, row);
    if (o.status !== 'pending') throw new AppError('OUTCOME_NOT_PENDING', 409);
    const { check, catalogueId } = await catalogueCheck(trx, o, chinaDate(deps.clock.now()));
    if (!check.ok) throw new AppError('OUTCOME_NOT_RECOGNISABLE', 409, asDetails(check.reasons));
    const now = deps.clock.now();
    const credits = input.credits ?? check.suggestedCredits;
    const note = input.note?.trim() ?? '';
    const recognitionId = await repo.insertRecognition(trx, {
      outcomeId: o.id,
      catalogueId: catalogueId!,
      credits,
      note,
      recognisedBy: actor.userId,
      recognisedAt: now,
    });
    const post = postFor(o, { id: recognitionId, outcomeId: o.id, credits });
    await appendEntries(trx, o.learnerId, [post], { postedBy: actor.userId, postedAt: now, reason: note });
    await repo.setOutcomeStatus(trx, o.id, {
      status: 'recognised',
      statusReason: '',
      statusReasons: '[]',
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learning_outcome.recognised',
      objectType: 'learning_outcome',
      objectId: o.id,
      details: {
        learnerId: o.learnerId,
        credits,
        suggestedCredits: check.suggestedCredits,
        catalogue: { year: check.catalogue.year, version: check.catalogue.version },
        entryId: post.id,
      },
    });
  });
  return getOutcome(deps, actor, outcomeId);
}

/**
 * Refuses (不予认定) a 待认定 outcome with the reviewer's reason; the catalogue check's reasons of
 * that day are kept beside it. A refused outcome lets go of its certificate number: the school may
 * record it again, corrected.
 */
export async function refuseLearningOutcome(
  deps: ModuleDeps,
  actor: Actor,
  outcomeId: string,
  input: { reason: string },
) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  if (!mayReviewOutcomes(actor, row)) throw forbidden();
  await deps.transaction(async (trx) => {
    const o = await lockForDecision(trx, row);
    if (o.status !== 'pending') throw new AppError('OUTCOME_NOT_PENDING', 409);
    const { check } = await catalogueCheck(trx, o, chinaDate(deps.clock.now()));
    const reasons = check.ok ? [] : check.reasons;
    await repo.setOutcomeStatus(trx, o.id, {
      status: 'refused',
      statusReason: input.reason.trim(),
      statusReasons: JSON.stringify(reasons),
      decidedBy: actor.userId,
      decidedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learning_outcome.refused',
      objectType: 'learning_outcome',
      objectId: o.id,
      details: { learnerId: o.learnerId, reasonCodes: reasons.map((r) => r.code) },
    });
  });
  return getOutcome(deps, actor, outcomeId);
}

/**
 * Revokes (撤销) a recognised outcome with the reviewer's reason: one reversing entry for each of
 * its posts still standing, so exactly its credits leave the account. Refused (409
 * `OUTCOME_CREDITS_CONVERTED`) while a standing conversion uses them, 409 `OUTCOME_NOT_RECOGNISED`
 * for an outcome not recognised.
 */
export async function revokeLearningOutcome(
  deps: ModuleDeps,
  actor: Actor,
  outcomeId: string,
  input: { reason: string },
) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  if (!mayReviewOutcomes(actor, row)) throw forbidden();
  await deps.transaction(async (trx) => {
    const o = await lockForDecision(trx, row);
    if (o.status !== 'recognised') throw new AppError('OUTCOME_NOT_RECOGNISED', 409);
    const revoked = revokeOutcome(await listEntries(trx, o.learnerId), o.id);
    if (!revoked.ok) throw new AppError('OUTCOME_CREDITS_CONVERTED', 409, asDetails([revoked.reason]));
    const now = deps.clock.now();
    const reason = input.reason.trim();
    await appendEntries(trx, o.learnerId, revoked.entries, { postedBy: actor.userId, postedAt: now, reason });
    await repo.setOutcomeStatus(trx, o.id, {
      status: 'revoked',
      statusReason: reason,
      statusReasons: '[]',
      decidedBy: actor.userId,
      decidedAt: now,
    });
    // Every credential issued for it is revoked with it: a verifier sees the status list say so.
    const ref = outcomeCredentialRef(o.id);
    if ((await openCredentialCount(trx, ref)) > 0)
      await revokeCredential({ ...deps, db: trx }, { subjectRef: ref, reason, actor: auditActorOf(actor) });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learning_outcome.revoked',
      objectType: 'learning_outcome',
      objectId: o.id,
      details: {
        learnerId: o.learnerId,
        reversed: revoked.entries.map((e) => ({ entryId: e.id, credits: e.credits })),
      },
    });
  });
  return getOutcome(deps, actor, outcomeId);
}
