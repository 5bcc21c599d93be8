import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import { SECURITY_ALERT_ACTION } from '../../platform/audit/audit-log.ts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { zhCollator } from '../../platform/text/sort-key.ts';
import { listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import { catalogueNamesByCode } from '../programs/index.ts';
import { listApplicationsOf } from './dq.repository.ts';
import { OPEN_STATES } from './dq-application.workflow.ts';
import { hireExceptionsOf } from './hire-checks.ts';
import { isEmployedOn } from './ratio.rules.ts';
import { checkRecruitment } from './recruitment.rules.ts';
import { unitWithDistrict } from './school-units.ts';
import { birthColumns, identityColumns, phoneColumns, recordColumns } from './teacher-columns.ts';
import { checkTeacherInput, queryDate, type TeacherInput } from './teacher-input.ts';
import { loadParts, writeParts } from './teacher-parts.repository.ts';
import { PII_VIEWS_PER_HOUR, RECRUITMENT_RULE } from './teachers.config.ts';
import { canSeeSchool, mayManageSchool, teacherAbilities, visibleSchoolIds } from './teachers.policy.ts';
import * as repo from './teachers.repository.ts';
import type { CreateTeacherBody, TeacherListQuery, UpdateTeacherBody } from './teachers.schema.ts';
import { teacherSummary } from './teachers.views.ts';

/*
 * The teacher register (教师名册) of each school: create, change, list, read, and the audited
 * clear view of an ID number, phone and birth date. ID numbers and phones are stored only
 * encrypted, with a blind index and a masked copy, the birth date only encrypted with its year in
 * clear; every answer carries the masked forms and the age in the current year.
 */

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

function checked(input: TeacherInput, now: Date, opts: Parameters<typeof checkTeacherInput>[2]) {
  const result = checkTeacherInput(input, now, opts);
  if (!result.ok) throw new AppError('VALIDATION_FAILED', 400, result.problems);
  return result.value;
}

const duplicate = () =>
  new AppError('TEACHER_EXISTS', 409, [
    {
      field: 'idNumber',
      code: 'TEACHER_EXISTS',
      message: '该身份证号的教师已在本校名册中',
      messageEn: 'This ID number is already on the school’s register',
    },
  ]);

async function loadFor(deps: ModuleDeps, actor: Actor, id: string) {
  const row = await repo.findTeacherRow(deps.db, id, today(deps));
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  return row;
}

/**
 * The school a teacher is added to: one the actor keeps (404 unseen, 403 not kept, 400 not a school
 * that keeps a teacher register: a bureau, a junior high, a general high school).
 */
async function schoolToKeep(deps: ModuleDeps, actor: Actor, schoolId: string) {
  const school = await unitWithDistrict(deps.db, schoolId);
  if (!school || !canSeeSchool(actor, school.id)) throw notFound();
  if (!mayManageSchool(actor, school.id)) throw forbidden();
  if (!keepsVocationalRecords(school) || !school.districtId) throw new AppError('TEACHER_NOT_A_SCHOOL', 400);
  return { id: school.id, districtId: school.districtId };
}

/** Adds a teacher to a school's register (the ID number once per school). */
export async function createTeacher(deps: ModuleDeps, actor: Actor, input: Static<typeof CreateTeacherBody>) {
  const school = await schoolToKeep(deps, actor, input.schoolId);
  const v = checked(input, deps.clock.now(), { requireId: true });
  const identity = identityColumns(deps.crypto, v.idNumber!);
  const id = await deps.transaction(async (trx) => {
    if (await repo.findTeacherByIdIndex(trx, school.id, identity.idIndex)) throw duplicate();
    const now = deps.clock.now();
    const id = await repo.insertTeacher(trx, {
      ...recordColumns(v),
      ...identity,
      ...phoneColumns(deps.crypto, v.phone ?? null),
      schoolId: school.id,
      districtId: school.districtId,
      sex: v.sex!,
      ...birthColumns(deps.crypto, v.birthDate!),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await writeParts(trx, id, v);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.created',
      objectType: 'teacher',
      objectId: id,
      details: { schoolId: school.id },
    });
    return id;
  });
  return getTeacher(deps, actor, id);
}

/** Changes a teacher: every list replaced; the ID number and phone only when given. */
export async function updateTeacher(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateTeacherBody>,
) {
  const row = await loadFor(deps, actor, id);
  if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
  // The hire-at-16 check needs the day of birth: decrypted when the ID number is not being changed.
  const stored = await repo.findTeacherSecrets(deps.db, id);
  const birthDate = deps.crypto.decrypt(stored.birthDateCipher);
  const v = checked(input, deps.clock.now(), { requireId: false, birthDate });
  const identity = v.idNumber
    ? {
        ...identityColumns(deps.crypto, v.idNumber),
        sex: v.sex!,
        ...birthColumns(deps.crypto, v.birthDate!),
      }
    : null;
  await deps.transaction(async (trx) => {
    if (identity && (await repo.findTeacherByIdIndex(trx, row.schoolId, identity.idIndex, id)))
      throw duplicate();
    await repo.updateTeacher(trx, id, {
      ...identity,
      ...phoneColumns(deps.crypto, v.phone),
      ...recordColumns(v),
      updatedAt: deps.clock.now(),
    });
    await writeParts(trx, id, v);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.updated',
      objectType: 'teacher',
      objectId: id,
      details: { idNumberChanged: Boolean(v.idNumber), phoneChanged: v.phone !== undefined },
    });
  });
  return getTeacher(deps, actor, id);
}

/** One teacher with every part, recognitions, applications, the recruitment check and abilities. */
export async function getTeacher(deps: ModuleDeps, actor: Actor, id: string) {
  const t = today(deps);
  const row = await loadFor(deps, actor, id);
  const parts = (await loadParts(deps.db, [id])).get(id)!;
  const applications = await listApplicationsOf(deps.db, id);
  const exception = (await hireExceptionsOf(deps.db, [id])).get(id) ?? null;
  const school = (await unitRefsByIds(deps.db, [row.schoolId])).get(row.schoolId)!;
  const [named] = await withCatalogueNames(deps, [row]);
  const openApplication = applications.some((a) => OPEN_STATES.includes(a.state));
  const summary = teacherSummary(named!, school, t, t);
  return {
    ...summary,
    ...parts,
    majors: summary.majors,
    applications,
    hireCheck: { ...checkRecruitment({ ...row, ...parts }, RECRUITMENT_RULE), exception },
    abilities: teacherAbilities(actor, { ...row, employed: isEmployedOn(row, t), openApplication }),
  };
}

/**
 * Teachers of the schools the actor sees, filtered, with the total for paging: by school code and
 * name, or by the column `sort` names (a school by its name in pinyin order), in SQL across pages.
 */
export async function listTeachers(deps: ModuleDeps, actor: Actor, query: Static<typeof TeacherListQuery>) {
  const t = today(deps);
  const { asOf: asked, limit, offset, sort, order, ...rest } = query;
  const asOf = queryDate('asOf', asked, t);
  if (order && !sort)
    throw fieldError(
      'order',
      'SORT_REQUIRED',
      '排序方向（order）须与排序字段（sort）一同指定',
      'order (the direction) needs sort (the column)',
    );
  const filter = { ...rest, schoolIds: visibleSchoolIds(actor) };
  const schoolIds = await repo.listSchoolIdsOfTeachers(deps.db, asOf, filter);
  const schools = await listOrgUnitInfo(deps.db, { ids: schoolIds });
  if (sort === 'school')
    schools.sort((a, b) => zhCollator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  const { rows, total } = await repo.listTeacherRows(
    deps.db,
    asOf,
    filter,
    schools.map((s) => s.id),
    { limit, offset, order: sort ? { sort, order: order ?? 'asc' } : null },
  );
  const byId = new Map(schools.map((s) => [s.id, s]));
  const named = await withCatalogueNames(deps, rows);
  return { items: named.map((r) => teacherSummary(r, byId.get(r.schoolId)!, asOf, t)), total };
}

/** Rows whose majors were recorded by code alone get the catalogue's name, so nobody reads a bare 740601. */
async function withCatalogueNames<R extends { majorCodes: string[]; majorNames: string[] }>(
  deps: ModuleDeps,
  rows: R[],
): Promise<R[]> {
  const unnamed = rows.flatMap((r) => r.majorCodes.filter((_, i) => !r.majorNames[i]?.trim()));
  if (unnamed.length === 0) return rows;
  const names = await catalogueNamesByCode(deps.db, unnamed);
  return rows.map((r) => ({
    ...r,
    majorNames: r.majorCodes.map((code, i) => r.majorNames[i]?.trim() || names.get(code) || ''),
  }));
}

/**
 * The ID number, phone and birth date in clear, for a register keeper; each view is audited. At
 * most `PII_VIEWS_PER_HOUR` an account an hour: past it the view is refused (429) and, once an
 * hour, a security alert goes to the audit administrator.
 */
export async function unmaskTeacher(deps: ModuleDeps, actor: Actor, id: string) {
  const row = await loadFor(deps, actor, id);
  if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
  const secret = await repo.findTeacherSecrets(deps.db, id);
  const hourAgo = new Date(deps.clock.now().getTime() - 3_600_000);
  const allowed = await deps.transaction(async (trx) => {
    const query = { actorId: actor.userId, since: hourAgo };
    const views = await deps.audit.countRecent(trx, { ...query, action: 'teacher.pii_view' });
    const who = auditActorOf(actor);
    const fields = ['idNumber', 'phone', 'birthDate'];
    if (views < PII_VIEWS_PER_HOUR) {
      await deps.audit.record(trx, who, {
        action: 'teacher.pii_view',
        objectType: 'teacher',
        objectId: id,
        details: { fields },
      });
      return true;
    }
    await deps.audit.record(trx, who, {
      action: 'teacher.pii_view',
      objectType: 'teacher',
      objectId: id,
      result: 'denied',
      details: { fields, reason: 'hourly_limit' },
    });
    if ((await deps.audit.countRecent(trx, { ...query, action: SECURITY_ALERT_ACTION })) === 0) {
      await deps.audit.record(trx, who, {
        action: SECURITY_ALERT_ACTION,
        objectType: 'teacher',
        objectId: id,
        details: { kind: 'pii_view_limit', limit: PII_VIEWS_PER_HOUR, windowMinutes: 60 },
      });
    }
    return false;
  });
  if (!allowed) throw new AppError('TEACHER_PII_VIEW_LIMIT', 429);
  return {
    idNumber: deps.crypto.decrypt(secret.idCipher),
    phone: secret.phoneCipher ? deps.crypto.decrypt(secret.phoneCipher) : null,
    birthDate: deps.crypto.decrypt(secret.birthDateCipher),
  };
}
