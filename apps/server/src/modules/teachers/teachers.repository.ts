import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TeacherParts } from './teacher-input.ts';

/** SQL rank of a 双师型 level, highest = 3. */
export const levelRankSql = (col: string) =>
  sql<number>`CASE ${sql.ref(col)} WHEN 'senior' THEN 3 WHEN 'intermediate' THEN 2 ELSE 1 END`;

/** Teachers with their school, and their 专业课 and 双师型 status on `asOf`. */
export function teachersQuery(db: Executor, asOf: string) {
  return db
    .selectFrom('teacher as t')
    .innerJoin('orgUnit as s', 's.id', 't.schoolId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('dqRecognition as r')
          .select(['r.level', 'r.validUntil'])
          .whereRef('r.teacherId', '=', 't.id')
          .where('r.validFrom', '<=', asOf)
          .where('r.validUntil', '>=', asOf)
          .orderBy(levelRankSql('r.level'), 'desc')
          .orderBy('r.validUntil', 'desc')
          .limit(1)
          .as('dq'),
      (join) => join.onTrue(),
    )
    .select([
      't.id',
      't.schoolId',
      't.districtId',
      's.code as schoolCode',
      's.name as schoolName',
      't.name',
      't.idMasked',
      't.sex',
      't.birthDate',
      't.phoneMasked',
      't.education',
      't.professionalTitle',
      't.post',
      't.series',
      't.internshipInstructor',
      't.hireDate',
      't.leaveDate',
      't.updatedAt',
      'dq.level as dqLevel',
      'dq.validUntil as dqValidUntil',
      sql<boolean>`EXISTS (SELECT 1 FROM teacher_specialised_period p WHERE p.teacher_id = t.id
        AND p.starts_on <= ${asOf}::date AND (p.ends_on IS NULL OR p.ends_on >= ${asOf}::date))`.as(
        'specialised',
      ),
      sql<
        string[]
      >`ARRAY(SELECT m.major_code FROM teacher_major m WHERE m.teacher_id = t.id ORDER BY m.major_code)`.as(
        'majorCodes',
      ),
    ]);
}

export type TeacherRow = Awaited<ReturnType<ReturnType<typeof teachersQuery>['executeTakeFirstOrThrow']>>;

export function findTeacherRow(db: Executor, id: string, asOf: string) {
  return teachersQuery(db, asOf).where('t.id', '=', id).executeTakeFirst();
}

/** The parts kept beside each teacher (majors, periods, work, certificates, practice, recognitions). */
export async function loadParts(db: Executor, teacherIds: readonly string[]) {
  const ids = [...new Set(teacherIds)];
  const empty = () => ({
    majors: [] as TeacherParts['majors'],
    specialisedPeriods: [] as TeacherParts['specialisedPeriods'],
    workHistory: [] as TeacherParts['workHistory'],
    certificates: [] as TeacherParts['certificates'],
    practice: [] as TeacherParts['practice'],
    recognitions: [] as Array<{
      id: string;
      level: 'junior' | 'intermediate' | 'senior';
      certifyingBody: string;
      recognisedOn: string;
      validFrom: string;
      validUntil: string;
      certificateNo: string;
      applicationId: string | null;
    }>,
  });
  const out = new Map(ids.map((id) => [id, empty()]));
  if (ids.length === 0) return out;
  const [majors, periods, work, certs, practice, recs] = await Promise.all([
    db.selectFrom('teacherMajor').selectAll().where('teacherId', 'in', ids).orderBy('majorCode').execute(),
    db
      .selectFrom('teacherSpecialisedPeriod')
      .selectAll()
      .where('teacherId', 'in', ids)
      .orderBy('startsOn')
      .execute(),
    db
      .selectFrom('teacherWorkExperience')
      .selectAll()
      .where('teacherId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('teacherCertificate')
      .selectAll()
      .where('teacherId', 'in', ids)
      .orderBy('position')
      .execute(),
    db.selectFrom('teacherPractice').selectAll().where('teacherId', 'in', ids).orderBy('year').execute(),
    db.selectFrom('dqRecognition').selectAll().where('teacherId', 'in', ids).orderBy('validFrom').execute(),
  ]);
  for (const m of majors) out.get(m.teacherId)!.majors.push({ code: m.majorCode, name: m.majorName });
  for (const p of periods)
    out.get(p.teacherId)!.specialisedPeriods.push({ startsOn: p.startsOn, endsOn: p.endsOn });
  for (const w of work)
    out.get(w.teacherId)!.workHistory.push({
      employer: w.employer,
      industry: w.industry,
      job: w.job,
      startsOn: w.startsOn,
      endsOn: w.endsOn,
    });
  for (const c of certs)
    out.get(c.teacherId)!.certificates.push({
      kind: c.kind,
      name: c.name,
      level: c.level,
      issuer: c.issuer,
      certificateNo: c.certificateNo,
      issuedOn: c.issuedOn,
    });
  for (const p of practice)
    out.get(p.teacherId)!.practice.push({ year: p.year, hours: Number(p.hours), enterprise: p.enterprise });
  for (const r of recs)
    out.get(r.teacherId)!.recognitions.push({
      id: r.id,
      level: r.level,
      certifyingBody: r.certifyingBody,
      recognisedOn: r.recognisedOn,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      certificateNo: r.certificateNo,
      applicationId: r.applicationId,
    });
  return out;
}

export type LoadedParts = NonNullable<ReturnType<Awaited<ReturnType<typeof loadParts>>['get']>>;

/** Replaces the given parts of a teacher (each list as a whole). */
export async function writeParts(trx: Executor, teacherId: string, parts: Partial<TeacherParts>) {
  if (parts.majors) {
    await trx.deleteFrom('teacherMajor').where('teacherId', '=', teacherId).execute();
    if (parts.majors.length)
      await trx
        .insertInto('teacherMajor')
        .values(parts.majors.map((m) => ({ teacherId, majorCode: m.code, majorName: m.name })))
        .execute();
  }
  if (parts.specialisedPeriods) {
    await trx.deleteFrom('teacherSpecialisedPeriod').where('teacherId', '=', teacherId).execute();
    if (parts.specialisedPeriods.length)
      await trx
        .insertInto('teacherSpecialisedPeriod')
        .values(parts.specialisedPeriods.map((p) => ({ teacherId, startsOn: p.startsOn, endsOn: p.endsOn })))
        .execute();
  }
  if (parts.workHistory) {
    await trx.deleteFrom('teacherWorkExperience').where('teacherId', '=', teacherId).execute();
    if (parts.workHistory.length)
      await trx
        .insertInto('teacherWorkExperience')
        .values(parts.workHistory.map((w, position) => ({ teacherId, position, ...w })))
        .execute();
  }
  if (parts.certificates) {
    await trx.deleteFrom('teacherCertificate').where('teacherId', '=', teacherId).execute();
    if (parts.certificates.length)
      await trx
        .insertInto('teacherCertificate')
        .values(parts.certificates.map((c, position) => ({ teacherId, position, ...c })))
        .execute();
  }
  if (parts.practice) {
    await trx.deleteFrom('teacherPractice').where('teacherId', '=', teacherId).execute();
    if (parts.practice.length)
      await trx
        .insertInto('teacherPractice')
        .values(parts.practice.map((p) => ({ teacherId, ...p })))
        .execute();
  }
}

/** The district of a school (nearest district at or above it), or null. */
export async function schoolInfo(db: Executor, schoolId: string) {
  const rows = await sql<{ id: string; type: string; districtId: string | null }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, type, 0 AS depth FROM org_unit WHERE id = ${schoolId}
      UNION ALL
      SELECT o.id, o.parent_id, o.type, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id
    )
    SELECT (SELECT type FROM up WHERE depth = 0) AS type, ${schoolId}::uuid AS id,
      (SELECT id FROM up WHERE type = 'district' ORDER BY depth LIMIT 1) AS district_id`.execute(db);
  const r = rows.rows[0];
  return r?.type ? { id: r.id, type: r.type, districtId: r.districtId } : null;
}

/** Applications of a teacher, newest first. */
export function listApplicationsOf(db: Executor, teacherId: string) {
  return db
    .selectFrom('dqApplication')
    .select(['id', 'level', 'state', 'submittedAt', 'decidedAt', 'decisionReason'])
    .where('teacherId', '=', teacherId)
    .orderBy('submittedAt', 'desc')
    .execute();
}

/** Recruitment exceptions of the given teachers. */
export async function hireExceptions(db: Executor, teacherIds: readonly string[]) {
  if (teacherIds.length === 0)
    return new Map<string, { reason: string; grantedAt: Date; grantedBy: string | null }>();
  const rows = await db
    .selectFrom('teacherHireException as e')
    .leftJoin('appUser as u', 'u.id', 'e.grantedBy')
    .select(['e.teacherId', 'e.reason', 'e.grantedAt', 'u.displayName as grantedBy'])
    .where('e.teacherId', 'in', [...teacherIds])
    .execute();
  return new Map(
    rows.map((r) => [r.teacherId, { reason: r.reason, grantedAt: r.grantedAt, grantedBy: r.grantedBy }]),
  );
}
