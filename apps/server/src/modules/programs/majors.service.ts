import type { MajorStatus, NationalStandard } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { canSeeSchoolRecord, mayManageSchool } from './programs.policy.ts';
import { findMajor, inScopeSql, majorLabel, resolveSchool, unitRefs } from './programs.repository.ts';

export interface MajorInput {
  schoolId?: string;
  catalogueVersion: string;
  catalogueCode: string;
  direction: string;
  status: MajorStatus;
  establishedYear?: number | null;
}

/**
 * Majors (专业) of schools: each names an entry of a version of the national catalogue, with an
 * optional direction; its yearly intake and enrolment; the national standards it applies.
 */
export function createMajorsService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  /** The catalogue entries of a version (default the newest), by code. */
  async function listCatalogue(version?: string) {
    const v =
      version ??
      (await db.selectFrom('majorCatalogue').select('version').orderBy('version', 'desc').executeTakeFirst())
        ?.version;
    if (!v) return { version: null, items: [] };
    const items = await db
      .selectFrom('majorCatalogue')
      .select(['code', 'name', 'categoryCode', 'categoryName', 'verified'])
      .where('version', '=', v)
      .orderBy('code')
      .execute();
    return { version: v, items };
  }

  async function loadFor(actor: Actor, id: string) {
    const m = await findMajor(db, id);
    if (!m || !canSeeSchoolRecord(actor, m.schoolId)) throw notFound();
    return m;
  }

  async function loadForChange(actor: Actor, id: string) {
    const m = await loadFor(actor, id);
    if (!mayManageSchool(actor, m.schoolId)) throw new AppError('FORBIDDEN', 403);
    return m;
  }

  /** Majors the actor sees, by school and code, with standards and the latest enrolment. */
  async function listMajors(actor: Actor, q: { schoolId?: string; status?: MajorStatus } = {}) {
    let query = db
      .selectFrom('major as m')
      .innerJoin('majorCatalogue as c', (j) =>
        j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
      )
      .innerJoin('orgUnit as s', 's.id', 'm.schoolId')
      .selectAll('m')
      .select([
        'c.name as catalogueName',
        'c.categoryCode',
        'c.categoryName',
        'c.verified',
        's.code as schoolCode',
      ])
      .where(inScopeSql(actor, 'm.school_id'));
    if (q.schoolId) query = query.where('m.schoolId', '=', q.schoolId);
    if (q.status) query = query.where('m.status', '=', q.status);
    const rows = await query.orderBy('s.code').orderBy('m.catalogueCode').orderBy('m.direction').execute();
    return describe(actor, rows);
  }

  async function describe(actor: Actor, rows: Array<NonNullable<Awaited<ReturnType<typeof findMajor>>>>) {
    const ids = rows.map((r) => r.id);
    const [schools, standards, enrolment] = await Promise.all([
      unitRefs(
        db,
        rows.map((r) => r.schoolId),
      ),
      ids.length
        ? db.selectFrom('majorStandard').selectAll().where('majorId', 'in', ids).orderBy('standard').execute()
        : [],
      ids.length
        ? db.selectFrom('majorEnrolment').selectAll().where('majorId', 'in', ids).orderBy('year').execute()
        : [],
    ]);
    return rows.map((m) => ({
      id: m.id,
      school: schools.get(m.schoolId)!,
      catalogue: {
        version: m.catalogueVersion,
        code: m.catalogueCode,
        name: m.catalogueName,
        categoryCode: m.categoryCode,
        categoryName: m.categoryName,
        verified: m.verified,
      },
      name: majorLabel(m),
      direction: m.direction,
      status: m.status,
      establishedYear: m.establishedYear,
      standards: standards
        .filter((s) => s.majorId === m.id)
        .map((s) => ({ standard: s.standard, adoptedOn: s.adoptedOn, note: s.note })),
      enrolment: enrolment
        .filter((e) => e.majorId === m.id)
        .map((e) => ({ year: e.year, intake: e.intake, enrolled: e.enrolled })),
      abilities: { edit: mayManageSchool(actor, m.schoolId) },
    }));
  }

  async function getMajor(actor: Actor, id: string) {
    const m = await loadFor(actor, id);
    return (await describe(actor, [m]))[0]!;
  }

  async function createMajor(actor: Actor, input: MajorInput) {
    const { schoolId, districtId } = await resolveSchool(db, actor, input.schoolId);
    const entry = await db
      .selectFrom('majorCatalogue')
      .select('name')
      .where('version', '=', input.catalogueVersion)
      .where('code', '=', input.catalogueCode)
      .executeTakeFirst();
    if (!entry) {
      throw new AppError('PROGRAM_MAJOR_NOT_IN_CATALOGUE', 400, [
        {
          field: 'catalogueCode',
          code: 'PROGRAM_MAJOR_NOT_IN_CATALOGUE',
          message: `专业代码 ${input.catalogueCode} 不在 ${input.catalogueVersion} 版专业目录中`,
          messageEn: `Code ${input.catalogueCode} is not in the ${input.catalogueVersion} catalogue`,
        },
      ]);
    }
    const direction = input.direction.trim();
    const id = await db.transaction().execute(async (trx) => {
      const dup = await trx
        .selectFrom('major')
        .select('id')
        .where('schoolId', '=', schoolId)
        .where('catalogueVersion', '=', input.catalogueVersion)
        .where('catalogueCode', '=', input.catalogueCode)
        .where('direction', '=', direction)
        .executeTakeFirst();
      if (dup)
        throw new AppError('PROGRAM_MAJOR_DUPLICATE', 409, [{ field: 'catalogueCode', majorId: dup.id }]);
      const now = clock.now();
      const row = await trx
        .insertInto('major')
        .values({
          schoolId,
          districtId,
          catalogueVersion: input.catalogueVersion,
          catalogueCode: input.catalogueCode,
          direction,
          status: input.status,
          establishedYear: input.establishedYear ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'programs.major.created',
        objectType: 'major',
        objectId: row.id,
        details: { schoolId, code: input.catalogueCode, name: entry.name, direction },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getMajor(actor, id);
  }

  async function updateMajor(
    actor: Actor,
    id: string,
    input: { direction?: string; status?: MajorStatus; establishedYear?: number | null },
  ) {
    await loadForChange(actor, id);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('major')
        .set({
          ...(input.direction !== undefined ? { direction: input.direction.trim() } : {}),
          ...(input.status ? { status: input.status } : {}),
          ...(input.establishedYear !== undefined ? { establishedYear: input.establishedYear } : {}),
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'programs.major.updated',
        objectType: 'major',
        objectId: id,
        details: { ...input },
      });
    });
    deps.onWrite?.();
    return getMajor(actor, id);
  }

  /** Records (or corrects) one school year's intake and enrolment of a major. */
  async function recordEnrolment(
    actor: Actor,
    id: string,
    input: { year: number; intake: number; enrolled: number },
  ) {
    await loadForChange(actor, id);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('majorEnrolment')
        .values({ majorId: id, ...input })
        .onConflict((oc) =>
          oc.columns(['majorId', 'year']).doUpdateSet({ intake: input.intake, enrolled: input.enrolled }),
        )
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'programs.major.enrolment_recorded',
        objectType: 'major',
        objectId: id,
        details: { ...input },
      });
    });
    return getMajor(actor, id);
  }

  /** Replaces the set of national standards the major applies. */
  async function setStandards(
    actor: Actor,
    id: string,
    standards: Array<{ standard: NationalStandard; adoptedOn: string; note: string }>,
  ) {
    await loadForChange(actor, id);
    const kinds = standards.map((s) => s.standard);
    const twice = kinds.findIndex((k, i) => kinds.indexOf(k) !== i);
    if (twice >= 0) {
      throw new AppError('VALIDATION_FAILED', 400, [
        {
          field: `standards.${twice}.standard`,
          code: 'DUPLICATE',
          message: '同一标准只能填写一次',
          messageEn: 'Each standard may be listed once',
        },
      ]);
    }
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('majorStandard').where('majorId', '=', id).execute();
      if (standards.length > 0)
        await trx
          .insertInto('majorStandard')
          .values(standards.map((s) => ({ majorId: id, ...s, note: s.note.trim() })))
          .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'programs.major.standards_set',
        objectType: 'major',
        objectId: id,
        details: { standards: kinds },
      });
    });
    return getMajor(actor, id);
  }

  return { listCatalogue, listMajors, getMajor, createMajor, updateMajor, recordEnrolment, setStandards };
}

export type MajorsService = ReturnType<typeof createMajorsService>;
