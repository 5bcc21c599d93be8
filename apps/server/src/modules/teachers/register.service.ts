import { sql, type Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { maskMobile, maskResidentId } from '../../platform/validation/identifiers.ts';
import { isRealDate } from './date-math.ts';
import { checkRecruitment } from './recruitment.rules.ts';
import { isEmployedOn } from './ratio.rules.ts';
import { checkTeacherInput, type TeacherInput } from './teacher-input.ts';
import { RECRUITMENT_RULE } from './teachers.config.ts';
import { canSeeSchool, mayManageSchool, teacherAbilities, visibleSchoolIds } from './teachers.policy.ts';
import * as repo from './teachers.repository.ts';
import { teacherSummary } from './teachers.views.ts';

export interface TeacherListFilter {
  schoolId?: string;
  series?: 'full_time' | 'enterprise_part_time';
  status?: 'employed' | 'left' | 'all';
  specialised?: boolean;
  dq?: 'recognised' | 'not_recognised';
  majorCode?: string;
  q?: string;
  asOf?: string;
  limit: number;
  offset: number;
}

/** A date given in a query, checked before it reaches SQL. */
export function queryDate(field: string, value: string | undefined, fallback: string): string {
  const date = value ?? fallback;
  if (!isRealDate(date))
    throw new AppError('VALIDATION_FAILED', 400, [
      {
        field,
        code: 'DATE_INVALID',
        message: `${field} 不是有效日期`,
        messageEn: `${field} is not a real date`,
      },
    ]);
  return date;
}

const invalid = (problems: unknown[]) => new AppError('VALIDATION_FAILED', 400, problems);
const duplicate = () =>
  new AppError('TEACHER_EXISTS', 409, [
    {
      field: 'idNumber',
      code: 'TEACHER_EXISTS',
      message: '该身份证号的教师已在本校名册中',
      messageEn: 'This ID number is already on the school’s register',
    },
  ]);

/**
 * The teacher register (教师名册) of each school: create, change, list, read, and the audited
 * clear view of an ID number and phone. ID numbers and phones are stored only encrypted, with a
 * blind index and a masked copy; every answer carries the masked forms.
 */
export function createRegisterService(deps: {
  db: Kysely<Database>;
  transaction: Transact;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  onWrite?: () => void;
}) {
  const { db, audit, clock, crypto } = deps;
  const today = () => chinaDate(clock.now());

  async function loadFor(actor: Actor, id: string) {
    const row = await repo.findTeacherRow(db, id, today());
    if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
    return row;
  }

  async function createTeacher(actor: Actor, input: TeacherInput & { schoolId: string }) {
    const school = await repo.schoolInfo(db, input.schoolId);
    if (!school || !canSeeSchool(actor, school.id)) throw notFound();
    if (!mayManageSchool(actor, school.id)) throw forbidden();
    if (school.type !== 'school' || !school.districtId) throw new AppError('TEACHER_NOT_A_SCHOOL', 400);
    const checked = checkTeacherInput(input, clock.now(), { requireId: true });
    if (!checked.ok) throw invalid(checked.problems);
    const v = checked.value;
    const id = await deps.transaction(async (trx) => {
      const idIndex = crypto.blindIndex(v.idNumber!);
      const exists = await trx
        .selectFrom('teacher')
        .select('id')
        .where('schoolId', '=', school.id)
        .where('idIndex', '=', idIndex)
        .executeTakeFirst();
      if (exists) throw duplicate();
      const now = clock.now();
      const row = await trx
        .insertInto('teacher')
        .values({
          schoolId: school.id,
          districtId: school.districtId!,
          name: v.name,
          idCipher: crypto.encrypt(v.idNumber!),
          idIndex,
          idMasked: maskResidentId(v.idNumber!),
          sex: v.sex!,
          birthDate: v.birthDate!,
          phoneCipher: v.phone ? crypto.encrypt(v.phone) : null,
          phoneMasked: v.phone ? maskMobile(v.phone) : null,
          education: v.education,
          professionalTitle: v.professionalTitle,
          post: v.post,
          series: v.series,
          internshipInstructor: v.internshipInstructor,
          hireDate: v.hireDate,
          leaveDate: v.leaveDate,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await repo.writeParts(trx, row.id, v);
      await audit.record(trx, auditActorOf(actor), {
        action: 'teacher.created',
        objectType: 'teacher',
        objectId: row.id,
        details: { schoolId: school.id },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getTeacher(actor, id);
  }

  async function updateTeacher(actor: Actor, id: string, input: TeacherInput) {
    const row = await loadFor(actor, id);
    if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
    const checked = checkTeacherInput(input, clock.now(), { requireId: false, birthDate: row.birthDate });
    if (!checked.ok) throw invalid(checked.problems);
    const v = checked.value;
    await deps.transaction(async (trx) => {
      const idSet: Record<string, string> = {};
      if (v.idNumber) {
        const idIndex = crypto.blindIndex(v.idNumber);
        const other = await trx
          .selectFrom('teacher')
          .select('id')
          .where('schoolId', '=', row.schoolId)
          .where('idIndex', '=', idIndex)
          .where('id', '<>', id)
          .executeTakeFirst();
        if (other) throw duplicate();
        Object.assign(idSet, {
          idCipher: crypto.encrypt(v.idNumber),
          idIndex,
          idMasked: maskResidentId(v.idNumber),
          sex: v.sex!,
          birthDate: v.birthDate!,
        });
      }
      const phoneSet =
        v.phone === undefined
          ? {}
          : {
              phoneCipher: v.phone ? crypto.encrypt(v.phone) : null,
              phoneMasked: v.phone ? maskMobile(v.phone) : null,
            };
      await trx
        .updateTable('teacher')
        .set({
          ...idSet,
          ...phoneSet,
          name: v.name,
          education: v.education,
          professionalTitle: v.professionalTitle,
          post: v.post,
          series: v.series,
          internshipInstructor: v.internshipInstructor,
          hireDate: v.hireDate,
          leaveDate: v.leaveDate,
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await repo.writeParts(trx, id, v);
      await audit.record(trx, auditActorOf(actor), {
        action: 'teacher.updated',
        objectType: 'teacher',
        objectId: id,
        details: { idNumberChanged: Boolean(v.idNumber), phoneChanged: v.phone !== undefined },
      });
    });
    deps.onWrite?.();
    return getTeacher(actor, id);
  }

  /** One teacher with every part, recognitions, applications, the recruitment check and abilities. */
  async function getTeacher(actor: Actor, id: string) {
    const t = today();
    const row = await loadFor(actor, id);
    const parts = (await repo.loadParts(db, [id])).get(id)!;
    const applications = await repo.listApplicationsOf(db, id);
    const exception = (await repo.hireExceptions(db, [id])).get(id) ?? null;
    const hire = checkRecruitment({ ...row, ...parts }, RECRUITMENT_RULE);
    const openApplication = applications.some((a) =>
      ['submitted', 'returned', 'school_passed'].includes(a.state),
    );
    return {
      ...teacherSummary(row, t, t),
      ...parts,
      applications,
      hireCheck: { ...hire, exception },
      abilities: teacherAbilities(actor, { ...row, employed: isEmployedOn(row, t), openApplication }),
    };
  }

  /** Teachers of the schools the actor sees, filtered, with the total for paging. */
  async function listTeachers(actor: Actor, f: TeacherListFilter) {
    const t = today();
    const asOf = queryDate('asOf', f.asOf, t);
    const schools = visibleSchoolIds(actor);
    let q = repo.teachersQuery(db, asOf);
    if (schools !== null)
      q = schools.length ? q.where('t.schoolId', 'in', [...schools]) : q.where(sql<boolean>`false`);
    if (f.schoolId) q = q.where('t.schoolId', '=', f.schoolId);
    if (f.series) q = q.where('t.series', '=', f.series);
    const status = f.status ?? 'employed';
    const employed = sql<boolean>`(t.hire_date <= ${asOf}::date AND (t.leave_date IS NULL OR t.leave_date > ${asOf}::date))`;
    if (status === 'employed') q = q.where(employed);
    if (status === 'left') q = q.where(sql<boolean>`NOT ${employed}`);
    if (f.specialised !== undefined)
      q =
        q.where(sql<boolean>`${sql.raw(f.specialised ? '' : 'NOT ')}EXISTS (SELECT 1 FROM teacher_specialised_period p
        WHERE p.teacher_id = t.id AND p.starts_on <= ${asOf}::date AND (p.ends_on IS NULL OR p.ends_on >= ${asOf}::date))`);
    if (f.dq) q = q.where('dq.level', f.dq === 'recognised' ? 'is not' : 'is', null);
    if (f.majorCode)
      q = q.where(
        sql<boolean>`EXISTS (SELECT 1 FROM teacher_major m WHERE m.teacher_id = t.id AND m.major_code = ${f.majorCode})`,
      );
    if (f.q) q = q.where('t.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [rows, total] = await Promise.all([
      q.orderBy('s.code').orderBy('t.name').orderBy('t.id').limit(f.limit).offset(f.offset).execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => teacherSummary(r, asOf, t)), total: Number(total.n) };
  }

  /** The ID number, phone and birth date in clear, for a register keeper; each view is audited. */
  async function unmaskTeacher(actor: Actor, id: string) {
    const row = await loadFor(actor, id);
    if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
    const secret = await db
      .selectFrom('teacher')
      .select(['idCipher', 'phoneCipher', 'birthDate'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await deps.transaction((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'teacher.pii_view',
        objectType: 'teacher',
        objectId: id,
        details: { fields: ['idNumber', 'phone', 'birthDate'] },
      }),
    );
    return {
      idNumber: crypto.decrypt(secret.idCipher),
      phone: secret.phoneCipher ? crypto.decrypt(secret.phoneCipher) : null,
      birthDate: secret.birthDate,
    };
  }

  return { createTeacher, updateTeacher, getTeacher, listTeachers, unmaskTeacher };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
