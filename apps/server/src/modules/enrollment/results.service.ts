import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { lockForTransaction } from '../../platform/db/advisory-lock.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { rateLimitClientKey } from '../../platform/http/client-key.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { buildAdmissionNotice } from './admission-notice.ts';
import {
  findCandidate,
  findCandidateByExamNumber,
  listPreferencesOfCandidate,
} from './candidates.repository.ts';
import { canSeeAdmissions, isPublicSeason } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';
import * as lookups from './lookups.repository.ts';
import {
  before,
  FAILED_LOOKUP_LIMIT,
  FAILED_LOOKUP_WINDOW_MS,
  LOOKUP_KEEP_MS,
  LOOKUP_LIMIT,
  LOOKUP_WINDOW_MS,
} from './results.rules.ts';
import type { LookupBody } from './results.schema.ts';
import { cutoffRows, lookupAnswer, withProgramResults } from './results.view.ts';
import * as runs from './runs.repository.ts';

/**
 * Results (录取结果): the candidate's own look-up (exam number + ID number, rate-limited per client
 * and failed look-ups per exam number in the database, one answer for "no such candidate" and
 * "wrong ID number" so it cannot probe), with the why — the cut-off of every program listed above
 * the one obtained; the public seasons, cut-offs and fill rates (counts only); the admission notice
 * (录取通知书) as PDF.
 */

type Lookup = Static<typeof LookupBody>;

/** The candidate's result and why (public, checked by exam number + ID number). */
export async function lookupResult(deps: ModuleDeps, input: Lookup, ip: string) {
  const c = await checkedCandidate(deps, input, ip);
  const { db } = deps;
  const [placement, published, batches, prefs, programs] = await Promise.all([
    runs.findPlacement(db, c.id),
    runs.listPublishedRuns(db, c.seasonId),
    repo.listBatches(db, c.seasonId),
    listPreferencesOfCandidate(db, c.id),
    repo.listPrograms(db, { seasonId: c.seasonId }),
  ]);
  return lookupAnswer(c, {
    batches,
    runs: withProgramResults(published),
    choicesOf: (batchId) => prefs.find((p) => p.batchId === batchId)?.choices ?? [],
    programs: new Map(programs.map((p) => [p.id, p])),
    placement,
  });
}

/** Seasons past set-up, newest first, with how many batches have published results (public). */
export async function listPublicSeasons(deps: ModuleDeps) {
  return runs.listPublicSeasons(deps.db);
}

/** Cut-offs and fill rates of every published batch (public; counts only, no candidate data). */
export async function cutoffs(deps: ModuleDeps, seasonId: string) {
  const season = await repo.findSeason(deps.db, seasonId);
  if (!season || !isPublicSeason(season)) throw notFound();
  const published = withProgramResults(await runs.listPublishedRuns(deps.db, seasonId));
  const programs = await repo.listPrograms(deps.db, { seasonId });
  return {
    season: { id: season.id, name: season.name, admissionYear: season.admissionYear },
    programs: cutoffRows(published, programs),
  };
}

/** The notice for the receiving school (or 招生办); audited as a view of personal data. */
export async function noticeForStaff(deps: ModuleDeps, actor: Actor, candidateId: string) {
  const n = await noticeOf(deps, candidateId);
  if (!canSeeAdmissions(actor, n.c, { schoolId: n.placement.schoolId })) throw notFound();
  await deps.transaction(
    (trx) =>
      deps.audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.notice.view',
        objectType: 'enrollment_candidate',
        objectId: n.c.id,
      }),
    { records: false },
  );
  return n;
}

/** The notice for the candidate, after the same check as the result look-up. */
export async function noticeForCandidate(deps: ModuleDeps, input: Lookup, ip: string) {
  const c = await checkedCandidate(deps, input, ip);
  return noticeOf(deps, c.id);
}

async function noticeOf(deps: ModuleDeps, candidateId: string) {
  const c = await findCandidate(deps.db, candidateId);
  const placement = c ? await runs.findPlacement(deps.db, c.id) : undefined;
  if (!c || !placement) throw notFound();
  const doc = buildAdmissionNotice({
    candidateName: c.name,
    examNumber: c.examNumber,
    admissionYear: c.admissionYear,
    schoolName: placement.schoolName,
    programName: placement.programName,
    track: placement.track,
    batchName: placement.batchName,
    date: chinaDate(placement.publishedAt ?? deps.clock.now()),
  });
  return { c, placement, doc, filename: `录取通知书-${c.examNumber}.pdf` };
}

// A look-up writes only its rate-limit counters and audit row: on results day, when most
// candidates look up within hours, it must not empty the plan's caches.
const LOOKUP_BOOKKEEPING = { records: false } as const;

/**
 * Counts this attempt and refuses (429) past the client's limit; refuses (429, audited) an exam
 * number with too many recent failures from any IP, so its ID number cannot be guessed by
 * rotating addresses; then finds the candidate or 404 (recording a failure).
 */
async function checkedCandidate(deps: ModuleDeps, input: Lookup, ip: string) {
  const now = deps.clock.now();
  await forgetOldLookups(deps, now);
  await countClientAttempt(deps, rateLimitClientKey(ip), now);
  const examNumber = input.examNumber.trim();
  const examKey = deps.crypto.blindIndex(`enrollment-lookup-exam|${input.seasonId}|${examNumber}`);
  const v = validateResidentId(input.idNumber, now);
  const index = deps.crypto.blindIndex(v.ok ? v.normalized : input.idNumber.trim().toUpperCase());
  const outcome = await deps.transaction(async (trx) => {
    await lockForTransaction(trx, `enrollment-lookup-exam|${examKey}`);
    const failures = await lookups.countRecentFailures(trx, examKey, before(now, FAILED_LOOKUP_WINDOW_MS));
    const audit = (
      objectId: string | null,
      result: 'success' | 'failure',
      details?: Record<string, unknown>,
    ) =>
      deps.audit.record(trx, auditActorOf(null, ip), {
        action: 'enrollment.result.lookup',
        objectType: 'enrollment_candidate',
        objectId,
        result,
        ...(details ? { details } : {}),
      });
    if (failures >= FAILED_LOOKUP_LIMIT) {
      await audit(null, 'failure', { reason: 'exam_number_locked' });
      return { kind: 'locked' as const };
    }
    const c = await findCandidateByExamNumber(trx, input.seasonId, examNumber);
    const ok = c !== undefined && c.idIndex === index;
    if (!ok) await lookups.insertFailure(trx, examKey, now);
    await audit(ok ? c.id : null, ok ? 'success' : 'failure');
    return ok ? { kind: 'found' as const, c } : { kind: 'wrong' as const };
  }, LOOKUP_BOOKKEEPING);
  if (outcome.kind === 'locked') throw new AppError('RATE_LIMITED', 429);
  if (outcome.kind === 'wrong') throw notFound();
  return outcome.c;
}

/** When each database's look-up rows were last pruned, by this process. */
const prunedAt = new WeakMap<object, number>();
const PRUNE_EVERY_MS = 60_000;

/**
 * Forgets look-up rows older than `LOOKUP_KEEP_MS`, at most once a minute a process: on results
 * day a delete on every look-up scanned the day's rows and made concurrent look-ups wait for each
 * other's row locks. The counts read only their own windows, so pruning is housekeeping.
 */
async function forgetOldLookups(deps: ModuleDeps, now: Date): Promise<void> {
  const last = prunedAt.get(deps.db);
  if (last !== undefined && Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  prunedAt.set(deps.db, now.getTime());
  await lookups.pruneLookups(deps.db, before(now, LOOKUP_KEEP_MS));
}

/**
 * Counts this attempt against the client's limit (429 past it), under an advisory lock on the
 * client key so a parallel burst cannot slip past the count.
 */
async function countClientAttempt(deps: ModuleDeps, client: string, now: Date) {
  await deps.transaction(async (trx) => {
    await lockForTransaction(trx, `enrollment-lookup|${client}`);
    const n = await lookups.countRecentAttempts(trx, client, before(now, LOOKUP_WINDOW_MS));
    if (n >= LOOKUP_LIMIT) throw new AppError('RATE_LIMITED', 429);
    await lookups.insertAttempt(trx, client, now);
  }, LOOKUP_BOOKKEEPING);
}
