import type { Executor } from '../../platform/db/database.ts';
import type { TeacherParts } from './teacher-input.ts';

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

/** The 专业课 periods of the given teachers, by teacher, in order (an import merges a row's period into them). */
export async function listSpecialisedPeriods(db: Executor, teacherIds: readonly string[]) {
  const out = new Map<string, Array<{ startsOn: string; endsOn: string | null }>>();
  if (teacherIds.length === 0) return out;
  const rows = await db
    .selectFrom('teacherSpecialisedPeriod')
    .select(['teacherId', 'startsOn', 'endsOn'])
    .where('teacherId', 'in', [...teacherIds])
    .orderBy('startsOn')
    .execute();
  for (const p of rows)
    out.set(p.teacherId, [...(out.get(p.teacherId) ?? []), { startsOn: p.startsOn, endsOn: p.endsOn }]);
  return out;
}
