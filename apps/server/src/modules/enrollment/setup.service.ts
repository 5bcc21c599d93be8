import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { canManageSeason, canSeeSeason, seasonAbilities } from './enrollment.policy.ts';
import { Problems } from './enrollment.problems.ts';
import * as repo from './enrollment.repository.ts';
import type { BatchInput, ProgramInput, SeasonInput } from './enrollment.schema.ts';
import { validateProgram } from './program-rules.ts';

/**
 * Season set-up (招生办): the admission year with its subjects and tie-break order, batches with
 * their preference windows, programs with quotas, conditions and reserved seats. A batch or a
 * program can be added only before that batch's window opens, so nobody's choices change under
 * them. Every change is audited in its transaction.
 */
export function createSetupService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function loadSeason(actor: Actor, id: string) {
    const season = await repo.findSeason(db, id);
    if (!season || !canSeeSeason(actor, season)) throw notFound();
    return season;
  }

  /** The junior highs with candidates and the schools with programs, per season (for abilities). */
  async function seasonSchools(seasonIds: string[]) {
    const empty = () => ({ candidateSchoolIds: [] as string[], programSchoolIds: [] as string[] });
    const out = new Map(seasonIds.map((id) => [id, empty()]));
    if (seasonIds.length === 0) return out;
    const [candidates, programs] = await Promise.all([
      db
        .selectFrom('enrollmentCandidate')
        .select(['seasonId', 'schoolId'])
        .distinct()
        .where('seasonId', 'in', seasonIds)
        .execute(),
      db
        .selectFrom('enrollmentProgram')
        .select(['seasonId', 'schoolId'])
        .distinct()
        .where('seasonId', 'in', seasonIds)
        .execute(),
    ]);
    for (const c of candidates) out.get(c.seasonId)?.candidateSchoolIds.push(c.schoolId);
    for (const p of programs) out.get(p.seasonId)?.programSchoolIds.push(p.schoolId);
    return out;
  }

  async function loadManaged(actor: Actor, id: string) {
    const season = await loadSeason(actor, id);
    if (!canManageSeason(actor, season)) throw forbidden();
    if (season.state === 'closed') throw new AppError('ENROLLMENT_SEASON_STATE', 409);
    return season;
  }

  /** Seasons of the actor's district, newest year first. */
  async function listSeasons(actor: Actor) {
    const rows = await db
      .selectFrom('enrollmentSeason')
      .selectAll()
      .orderBy('admissionYear', 'desc')
      .execute();
    const visible = rows.filter((s) => canSeeSeason(actor, s));
    const schools = await seasonSchools(visible.map((s) => s.id));
    return visible.map((s) => ({
      ...seasonView(s),
      abilities: seasonAbilities(actor, s, schools.get(s.id)!),
    }));
  }

  /** Creates the season of an admission year in the actor's district. */
  async function createSeason(actor: Actor, input: SeasonInput) {
    const districtId = actor.districtId;
    if (!districtId || !canManageSeason(actor, { districtId })) throw forbidden();
    const p = new Problems();
    const keys = input.subjects.map((s) => s.key);
    input.subjects.forEach((s, i) => {
      if (keys.indexOf(s.key) !== i)
        p.add(`subjects.${i}.key`, 'DUPLICATE', `科目 ${s.key} 重复`, `Subject ${s.key} is listed twice`);
    });
    input.tieBreak.forEach((k, i) => {
      if (!keys.includes(k))
        p.add(
          `tieBreak.${i}`,
          'SUBJECT_UNKNOWN',
          `同分排序科目 ${k} 不是本年度考试科目`,
          `Tie-break subject ${k} is not a subject of this season`,
        );
      else if (input.tieBreak.indexOf(k) !== i)
        p.add(
          `tieBreak.${i}`,
          'DUPLICATE',
          `同分排序科目 ${k} 重复`,
          `Tie-break subject ${k} is listed twice`,
        );
    });
    p.throwIfAny();
    const id = await db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('enrollmentSeason')
        .select('id')
        .where('districtId', '=', districtId)
        .where('admissionYear', '=', input.admissionYear)
        .executeTakeFirst();
      if (exists)
        throw new AppError('ENROLLMENT_SEASON_EXISTS', 409, [
          {
            field: 'admissionYear',
            code: 'ENROLLMENT_SEASON_EXISTS',
            message: `${input.admissionYear} 年招生季已存在`,
            messageEn: `The ${input.admissionYear} season already exists`,
          },
        ]);
      const now = clock.now();
      const row = await trx
        .insertInto('enrollmentSeason')
        .values({
          districtId,
          admissionYear: input.admissionYear,
          name: input.name.trim(),
          subjects: JSON.stringify(input.subjects),
          tieBreak: JSON.stringify(input.tieBreak),
          state: 'setup',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.season.create',
        objectType: 'enrollment_season',
        objectId: row.id,
        details: { admissionYear: input.admissionYear },
      });
      return row.id;
    });
    return getSeason(actor, id);
  }

  /** Adds a batch; its window must lie ahead and its position be free. */
  async function addBatch(actor: Actor, seasonId: string, input: BatchInput) {
    const season = await loadManaged(actor, seasonId);
    const p = new Problems();
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (closesAt <= opensAt)
      p.add('closesAt', 'WINDOW_ORDER', '截止时间须晚于开始时间', 'The window must close after it opens');
    if (opensAt <= clock.now())
      p.add('opensAt', 'WINDOW_PAST', '填报开始时间须晚于当前时间', 'The window must open in the future');
    const batches = await repo.listBatches(db, season.id);
    if (batches.some((b) => b.code === input.code))
      p.add('code', 'DUPLICATE', `批次代码 ${input.code} 已存在`, `Batch code ${input.code} already exists`);
    if (batches.some((b) => b.position === input.position))
      p.add(
        'position',
        'DUPLICATE',
        `批次顺序 ${input.position} 已被占用`,
        `Batch position ${input.position} is taken`,
      );
    p.throwIfAny();
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('enrollmentBatch')
        .values({
          seasonId: season.id,
          code: input.code,
          name: input.name.trim(),
          position: input.position,
          opensAt,
          closesAt,
          maxChoices: input.maxChoices,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.batch.create',
        objectType: 'enrollment_batch',
        objectId: row.id,
        details: { seasonId: season.id, code: input.code },
      });
    });
    return getSeason(actor, season.id);
  }

  /** Adds a program to a batch whose window has not opened yet. */
  async function addProgram(actor: Actor, seasonId: string, input: ProgramInput) {
    const season = await loadManaged(actor, seasonId);
    const batches = await repo.listBatches(db, season.id);
    const existing = await repo.listPrograms(db, { seasonId: season.id });
    const checked = await validateProgram(db, input, {
      batches,
      existing,
      now: clock.now(),
      districtId: season.districtId,
    });
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('enrollmentProgram')
        .values({
          seasonId: season.id,
          batchId: input.batchId,
          code: input.code,
          name: input.name.trim(),
          schoolId: checked.schoolId,
          track: input.track,
          quota: input.quota,
          minScore: input.minScore ?? null,
          requires: JSON.stringify(input.requires ?? {}),
          reserved: JSON.stringify(checked.reserved),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.program.create',
        objectType: 'enrollment_program',
        objectId: row.id,
        details: { seasonId: season.id, code: input.code, quota: input.quota },
      });
    });
    return getSeason(actor, season.id);
  }

  /** setup → open (needs a batch and a program), open → closed. */
  async function changeState(actor: Actor, seasonId: string, to: 'open' | 'closed') {
    const season = await loadManaged(actor, seasonId);
    const from = to === 'open' ? 'setup' : 'open';
    if (season.state !== from) throw new AppError('ENROLLMENT_SEASON_STATE', 409);
    if (to === 'open') {
      const p = new Problems();
      if ((await repo.listBatches(db, season.id)).length === 0)
        p.add('batches', 'REQUIRED', '请先设置至少一个录取批次', 'Add at least one batch first');
      if ((await repo.listPrograms(db, { seasonId: season.id })).length === 0)
        p.add('programs', 'REQUIRED', '请先设置至少一个招生计划', 'Add at least one program first');
      p.throwIfAny();
    }
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('enrollmentSeason')
        .set({ state: to, updatedAt: clock.now() })
        .where('id', '=', season.id)
        .where('state', '=', from)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('ENROLLMENT_SEASON_STATE', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: `enrollment.season.${to}`,
        objectType: 'enrollment_season',
        objectId: season.id,
      });
    });
    return getSeason(actor, season.id);
  }

  /** A season with its batches (window state now) and programs, and what the actor may do. */
  async function getSeason(actor: Actor, id: string) {
    const season = await loadSeason(actor, id);
    const now = clock.now();
    const batches = await repo.listBatches(db, season.id);
    const programs = await repo.listPrograms(db, { seasonId: season.id });
    const published = await db
      .selectFrom('enrollmentRun as r')
      .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
      .select('r.batchId')
      .where('b.seasonId', '=', season.id)
      .where('r.state', '=', 'published')
      .execute();
    return {
      ...seasonView(season),
      batches: batches.map((b) => ({
        id: b.id,
        code: b.code,
        name: b.name,
        position: b.position,
        opensAt: b.opensAt,
        closesAt: b.closesAt,
        maxChoices: b.maxChoices,
        window: (now < b.opensAt ? 'not_open' : now < b.closesAt ? 'open' : 'closed') as
          'not_open' | 'open' | 'closed',
        published: published.some((r) => r.batchId === b.id),
      })),
      programs: programs.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        batchId: p.batchId,
        school: { id: p.schoolId, code: p.schoolCode, name: p.schoolName },
        track: p.track,
        quota: p.quota,
        minScore: p.minScore,
        requires: p.requires,
        reserved: p.reserved.map((r) => ({ code: r.code, capacity: r.capacity, schoolIds: r.schoolIds })),
      })),
      abilities: seasonAbilities(actor, season, (await seasonSchools([season.id])).get(season.id)!),
    };
  }

  return { listSeasons, createSeason, addBatch, addProgram, changeState, getSeason, loadSeason };
}

function seasonView(s: {
  id: string;
  admissionYear: number;
  name: string;
  subjects: Array<{ key: string; name: string }>;
  tieBreak: string[];
  state: 'setup' | 'open' | 'closed';
  districtId: string;
}) {
  return {
    id: s.id,
    admissionYear: s.admissionYear,
    name: s.name,
    subjects: s.subjects,
    tieBreak: s.tieBreak,
    state: s.state,
    districtId: s.districtId,
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
