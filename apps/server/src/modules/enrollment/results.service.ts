import { sql, type Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { rateLimitClientKey } from '../../platform/http/client-key.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { buildAdmissionNotice } from './admission-notice.ts';
import { canSeeAdmissions } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';
import type { MatchingOutput } from './matching/index.ts';

/** Result look-ups allowed per client (IPv4 address or IPv6 /64) in `LOOKUP_WINDOW_MS`. */
export const LOOKUP_LIMIT = 10;
const LOOKUP_WINDOW_MS = 15 * 60_000;
/** Failed look-ups of one exam number, from any IP, in `FAILED_LOOKUP_WINDOW_MS` before it is refused. */
export const FAILED_LOOKUP_LIMIT = 5;
const FAILED_LOOKUP_WINDOW_MS = 3600_000;
const DAY_MS = 24 * 3600_000;

/** Serialises the rest of the transaction with every other one holding the same key. */
async function lockKey(trx: Executor, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** The published runs of a season, with each program's cut-off by program code. */
async function publishedCutoffs(db: Kysely<Database>, seasonId: string) {
  const runs = await db
    .selectFrom('enrollmentRun as r')
    .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
    .select(['r.id', 'r.batchId', 'r.output', 'r.publishedAt', 'b.name as batchName', 'b.position'])
    .where('b.seasonId', '=', seasonId)
    .where('r.state', '=', 'published')
    .orderBy('b.position')
    .execute();
  return runs.map((r) => {
    const out = JSON.parse(r.output) as MatchingOutput;
    return { ...r, programs: new Map(out.programs.map((p) => [p.id, p])) };
  });
}

/**
 * Results (录取结果): the candidate's own look-up (exam number + ID number, rate-limited per client
 * and failed look-ups per exam number in the database, one answer for "no such candidate" and "wrong ID number" so it cannot probe), with
 * the why — the cut-off of every program listed above the one obtained; the public cut-offs and
 * fill rates (counts only); the admission notice (录取通知书) as PDF.
 */
export function createResultsService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
}) {
  const { db, audit, clock, crypto } = deps;

  /**
   * Counts this attempt against the client's limit (429 past it), under an advisory lock on the
   * client key so a parallel burst cannot slip past the count.
   */
  async function countClientAttempt(client: string, now: Date) {
    await db.transaction().execute(async (trx) => {
      await lockKey(trx, `enrollment-lookup|${client}`);
      await trx
        .deleteFrom('enrollmentLookupAttempt')
        .where('at', '<', new Date(now.getTime() - DAY_MS))
        .execute();
      const row = await trx
        .selectFrom('enrollmentLookupAttempt')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ip', '=', client)
        .where('at', '>', new Date(now.getTime() - LOOKUP_WINDOW_MS))
        .executeTakeFirstOrThrow();
      if (Number(row.n) >= LOOKUP_LIMIT) throw new AppError('RATE_LIMITED', 429);
      await trx.insertInto('enrollmentLookupAttempt').values({ ip: client, at: now }).execute();
    });
  }

  /**
   * Counts this attempt and refuses (429) past the client's limit; refuses (429, audited) an exam
   * number with too many recent failures from any IP, so its ID number cannot be guessed by
   * rotating addresses; then finds the candidate or 404 (recording a failure).
   */
  async function checkedCandidate(
    input: { seasonId: string; examNumber: string; idNumber: string },
    ip: string,
  ) {
    const now = clock.now();
    await countClientAttempt(rateLimitClientKey(ip), now);
    const examNumber = input.examNumber.trim();
    const examKey = crypto.blindIndex(`enrollment-lookup-exam|${input.seasonId}|${examNumber}`);
    const v = validateResidentId(input.idNumber, now);
    const index = crypto.blindIndex(v.ok ? v.normalized : input.idNumber.trim().toUpperCase());
    const outcome = await db.transaction().execute(async (trx) => {
      await lockKey(trx, `enrollment-lookup-exam|${examKey}`);
      await trx
        .deleteFrom('enrollmentLookupFailure')
        .where('at', '<', new Date(now.getTime() - DAY_MS))
        .execute();
      const failures = await trx
        .selectFrom('enrollmentLookupFailure')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('examKey', '=', examKey)
        .where('at', '>', new Date(now.getTime() - FAILED_LOOKUP_WINDOW_MS))
        .executeTakeFirstOrThrow();
      if (Number(failures.n) >= FAILED_LOOKUP_LIMIT) {
        await audit.record(trx, auditActorOf(null, ip), {
          action: 'enrollment.result.lookup',
          objectType: 'enrollment_candidate',
          objectId: null,
          result: 'failure',
          details: { reason: 'exam_number_locked' },
        });
        return { kind: 'locked' as const };
      }
      const c = await trx
        .selectFrom('enrollmentCandidate')
        .selectAll()
        .where('seasonId', '=', input.seasonId)
        .where('examNumber', '=', examNumber)
        .executeTakeFirst();
      const ok = c !== undefined && c.idIndex === index;
      if (!ok) await trx.insertInto('enrollmentLookupFailure').values({ examKey, at: now }).execute();
      await audit.record(trx, auditActorOf(null, ip), {
        action: 'enrollment.result.lookup',
        objectType: 'enrollment_candidate',
        objectId: ok ? c.id : null,
        result: ok ? 'success' : 'failure',
      });
      return ok ? { kind: 'found' as const, c } : { kind: 'wrong' as const };
    });
    if (outcome.kind === 'locked') throw new AppError('RATE_LIMITED', 429);
    if (outcome.kind === 'wrong') throw notFound();
    return outcome.c;
  }

  /** The candidate's result and why (public, checked by exam number + ID number). */
  async function lookupResult(input: { seasonId: string; examNumber: string; idNumber: string }, ip: string) {
    const c = await checkedCandidate(input, ip);
    const placement = await repo.findPlacement(db, c.id);
    const runs = await publishedCutoffs(db, c.seasonId);
    const batches = await repo.listBatches(db, c.seasonId);
    const prefs = await db
      .selectFrom('enrollmentPreference')
      .selectAll()
      .where('candidateId', '=', c.id)
      .execute();
    const programs = new Map((await repo.listPrograms(db, { seasonId: c.seasonId })).map((p) => [p.id, p]));
    const why = [];
    for (const b of batches) {
      const run = runs.find((r) => r.batchId === b.id);
      const choices = prefs.find((p) => p.batchId === b.id)?.choices ?? [];
      if (!run || choices.length === 0) continue;
      const placedHere = placement?.batchId === b.id;
      const upTo = placedHere ? placement.choice - 1 : choices.length;
      for (let i = 0; i < upTo; i++) {
        const p = programs.get(choices[i]!);
        if (!p) continue;
        const cutoff = run.programs.get(p.code)?.cutoff;
        why.push({
          batch: b.name,
          choice: i + 1,
          programCode: p.code,
          program: p.name,
          school: p.schoolName,
          cutoff: cutoff ? cutoff.score : null,
        });
      }
      if (placedHere) break;
    }
    const allPublished = batches.every((b) => runs.some((r) => r.batchId === b.id));
    return {
      examNumber: c.examNumber,
      name: c.name,
      status: placement
        ? ('admitted' as const)
        : allPublished
          ? ('not_admitted' as const)
          : ('pending' as const),
      admission: placement
        ? {
            batch: placement.batchName,
            program: placement.programName,
            programCode: placement.programCode,
            school: placement.schoolName,
            track: placement.track,
            choice: placement.choice,
          }
        : null,
      why,
    };
  }

  /** Cut-offs and fill rates of every published batch (public; counts only, no candidate data). */
  async function cutoffs(seasonId: string) {
    const season = await repo.findSeason(db, seasonId);
    if (!season || season.state === 'setup') throw notFound();
    const runs = await publishedCutoffs(db, seasonId);
    const programs = await repo.listPrograms(db, { seasonId });
    const out = [];
    for (const r of runs)
      for (const p of programs.filter((x) => x.batchId === r.batchId)) {
        const res = r.programs.get(p.code);
        const admitted = res?.admitted ?? 0;
        out.push({
          batch: r.batchName,
          code: p.code,
          name: p.name,
          school: p.schoolName,
          track: p.track,
          quota: p.quota,
          admitted,
          fillRate: p.quota === 0 ? 0 : Math.round((admitted / p.quota) * 10000) / 10000,
          cutoff: res?.cutoff ? res.cutoff.score : null,
        });
      }
    return {
      season: { id: season.id, name: season.name, admissionYear: season.admissionYear },
      programs: out,
    };
  }

  async function noticeOf(candidateId: string) {
    const c = await repo.findCandidate(db, candidateId);
    const placement = c ? await repo.findPlacement(db, c.id) : undefined;
    if (!c || !placement) throw notFound();
    const run = await db
      .selectFrom('enrollmentRun')
      .select('publishedAt')
      .where('id', '=', placement.runId)
      .executeTakeFirstOrThrow();
    const district = await db
      .selectFrom('orgUnit')
      .select('name')
      .where('id', '=', c.districtId)
      .executeTakeFirstOrThrow();
    const doc = buildAdmissionNotice({
      candidateName: c.name,
      examNumber: c.examNumber,
      admissionYear: c.admissionYear,
      schoolName: placement.schoolName,
      programName: placement.programName,
      track: placement.track,
      batchName: placement.batchName,
      date: chinaDate(run.publishedAt ?? clock.now()),
      issuer: `${district.name}教育局`,
    });
    return { c, placement, doc, filename: `录取通知书-${c.examNumber}.pdf` };
  }

  /** The notice for the receiving school (or 招生办); audited as a view of personal data. */
  async function noticeForStaff(actor: Actor, candidateId: string) {
    const n = await noticeOf(candidateId);
    if (!canSeeAdmissions(actor, n.c, { schoolId: n.placement.schoolId })) throw notFound();
    await db.transaction().execute((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.notice.view',
        objectType: 'enrollment_candidate',
        objectId: n.c.id,
      }),
    );
    return n;
  }

  /** The notice for the candidate, after the same check as the result look-up. */
  async function noticeForCandidate(
    input: { seasonId: string; examNumber: string; idNumber: string },
    ip: string,
  ) {
    const c = await checkedCandidate(input, ip);
    return noticeOf(c.id);
  }

  return { lookupResult, cutoffs, noticeForStaff, noticeForCandidate };
}

export type ResultsService = ReturnType<typeof createResultsService>;
