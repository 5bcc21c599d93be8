import { keepsVocationalRecords, type LearnerKind, type LearnerStatus } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { findSeasonFacts, listRegisteredCandidates } from '../enrollment/index.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { canSeeSchool, learnerAbilities, mayManageSchool, visibleSchoolIds } from './learners.policy.ts';
import * as repo from './learners.repository.ts';
import { statusChangeRefusals } from './learners.rules.ts';

/*
 * The student register (学籍) of each vocational school: the cohort made from enrolment
 * registrations (报到), status changes with their history, and the list. ID numbers are stored only
 * encrypted, with a blind index and a masked copy; every answer carries the masked form only.
 */

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** The line a learner's history starts with when 报到 puts them on the register. */
const ENTRY_REASON = '招生报到';

/**
 * The school whose register the actor keeps (404 unseen, 403 not kept, 400 not a school that keeps
 * a student register: a bureau, a junior high, a general high school).
 */
async function schoolToKeep(deps: ModuleDeps, actor: Actor, schoolId: string) {
  const [school] = await listOrgUnitInfo(deps.db, { ids: [schoolId] });
  if (!school || !canSeeSchool(actor, school.id)) throw notFound();
  if (!mayManageSchool(actor, school.id)) throw forbidden();
  const districtId = await findDistrictOf(deps.db, school.id);
  if (!keepsVocationalRecords(school) || !districtId) throw new AppError('LEARNER_NOT_A_SCHOOL', 400);
  return { id: school.id, districtId };
}

/**
 * Puts on the school's register every candidate registered (报到) at its programs in the season:
 * cohort = the season's admission year, major = the program (its code and name), status 在籍 from
 * the day 报到 was recorded. Idempotent: a registration already on the register is skipped, and two
 * requests for one school at once take turns (`lockSchoolRegister`, as its imports), so the second finds
 * the first's learners and skips them. All or nothing, each refused registration named by its
 * candidate's exam number (考号, `field: 'examNumber'`, with `examNumber` and `registrationId`):
 * an ID number that gives no birth date (409 `LEARNER_ID_INVALID`: the enrolment record needs
 * correcting), two registrations with one ID number (409 `LEARNER_ID_REPEATED`, each naming the
 * other's exam number), then a candidate whose ID number is already on the school's register,
 * imported before (409 `LEARNER_EXISTS`); nothing is written. The candidate's ID number is decrypted only to
 * read the birth date and re-encrypted at once; it is never logged or returned.
 *
 * @example await createCohortFromEnrollment(deps, clerk, { schoolId: vhs, seasonId }) // { created: 2, skipped: 0 }
 */
export async function createCohortFromEnrollment(
  deps: ModuleDeps,
  actor: Actor,
  input: { schoolId: string; seasonId: string },
): Promise<{ created: number; admittedFromSocial: number; skipped: number }> {
  const school = await schoolToKeep(deps, actor, input.schoolId);
  const season = await findSeasonFacts(deps.db, input.seasonId);
  if (!season || season.districtId !== school.districtId)
    throw fieldError(
      'seasonId',
      'NOT_FOUND',
      '未找到本区的该招生年度',
      'No such enrolment season in the school’s district',
    );
  return deps.transaction(async (trx) => {
    await repo.lockSchoolRegister(trx, school.id);
    const registered = await listRegisteredCandidates(trx, { seasonId: season.id, schoolId: school.id });
    const onRegister = await repo.registrationsOnRegister(
      trx,
      registered.map((r) => r.registrationId),
    );
    const read = registered
      .filter((r) => !onRegister.has(r.registrationId))
      .map((r) => ({ ...r, identity: identityOf(deps, r) }));
    const unreadable = read.filter((r) => r.identity === null);
    if (unreadable.length > 0)
      throw refusedRegistrations(
        'LEARNER_ID_INVALID',
        unreadable,
        ({ examNumber: exam }) => `考号 ${exam} 的身份证号无法读取出生日期，请招生办更正该考生的信息`,
        ({ examNumber: exam }) =>
          `Candidate ${exam}’s ID number gives no birth date: ask the enrolment office to correct the record`,
      );
    const fresh = read.map((r) => ({ ...r, identity: r.identity! }));
    const repeated = withSameId(fresh);
    if (repeated.length > 0)
      throw refusedRegistrations(
        'LEARNER_ID_REPEATED',
        repeated,
        ({ examNumber: exam, other }) =>
          `考号 ${exam} 的身份证号与考号 ${other} 的相同，请招生办更正考生信息`,
        ({ examNumber: exam, other }) =>
          `Candidate ${exam} has the same ID number as candidate ${other}: ask the enrolment office to correct the records`,
      );
    const indexes = fresh.map((r) => r.identity.idIndex);
    const known = await repo.idIndexesOnRegister(trx, school.id, indexes);
    // A social learner the school trained is the same person: admitted, the row becomes the student's.
    const social = await repo.socialLearnersByIdIndexes(trx, school.id, indexes);
    const clashes = fresh.filter((r) => known.has(r.identity.idIndex) && !social.has(r.identity.idIndex));
    const renamed = fresh.filter((r) => {
      const trained = social.get(r.identity.idIndex);
      return trained !== undefined && trained.name !== r.name;
    });
    if (renamed.length > 0)
      throw refusedRegistrations(
        'LEARNER_NAME_MISMATCH',
        renamed,
        ({ examNumber: exam }) =>
          `考号 ${exam} 的身份证号已在本校登记为社会学习者，但姓名不同，请核对后再生成学籍`,
        ({ examNumber: exam }) =>
          `Candidate ${exam}’s ID number is on the school’s register as a social learner under another name: check it first`,
      );
    if (clashes.length > 0)
      throw refusedRegistrations(
        'LEARNER_EXISTS',
        clashes,
        ({ examNumber: exam }) => `考号 ${exam} 的考生已在本校学籍中（身份证号与已有学生相同）`,
        ({ examNumber: exam }) =>
          `Candidate ${exam} is already on the school’s register (a student there has the same ID number)`,
      );
    const now = deps.clock.now();
    const admitted = fresh.filter((r) => social.has(r.identity.idIndex));
    for (const r of admitted)
      await repo.admitSocialLearner(trx, social.get(r.identity.idIndex)!.id, {
        majorCode: r.programCode,
        majorName: r.programName,
        cohortYear: season.admissionYear,
        statusSince: chinaDate(r.recordedAt),
        enrollmentRegistrationId: r.registrationId,
        updatedAt: now,
      });
    await deps.audit.recordMany(
      trx,
      auditActorOf(actor),
      admitted.map((r) => ({
        action: 'learner.admitted_from_social',
        objectType: 'learner',
        objectId: social.get(r.identity.idIndex)!.id,
        details: { schoolId: school.id, registrationId: r.registrationId },
      })),
    );
    const rows = fresh
      .filter((r) => !social.has(r.identity.idIndex))
      .map((r) => ({
        schoolId: school.id,
        districtId: school.districtId,
        majorCode: r.programCode,
        majorName: r.programName,
        className: '',
        cohortYear: season.admissionYear,
        name: r.name,
        ...r.identity,
        sex: r.sex,
        status: 'enrolled' as const,
        statusSince: chinaDate(r.recordedAt),
        source: 'enrollment' as const,
        enrollmentRegistrationId: r.registrationId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      }));
    const ids = await repo.insertLearners(trx, rows);
    await repo.insertStatusChanges(
      trx,
      rows.map((r, i) => ({
        learnerId: ids[i]!,
        fromStatus: null,
        toStatus: 'enrolled' as const,
        changedOn: r.statusSince,
        reason: ENTRY_REASON,
        changedBy: actor.userId,
        changedAt: now,
      })),
    );
    await deps.audit.recordMany(
      trx,
      auditActorOf(actor),
      rows.map((r, i) => ({
        action: 'learner.created',
        objectType: 'learner',
        objectId: ids[i]!,
        details: { schoolId: school.id, source: 'enrollment', registrationId: r.enrollmentRegistrationId },
      })),
    );
    return {
      created: rows.length,
      admittedFromSocial: admitted.length,
      skipped: registered.length - fresh.length,
    };
  });
}

/**
 * The stored identity of a registered candidate — its ID number decrypted here only, never kept in
 * clear — or null when the number gives no birth date.
 */
function identityOf(deps: ModuleDeps, r: { idCipher: string }) {
  const checked = validateResidentId(deps.crypto.decrypt(r.idCipher), deps.clock.now());
  return checked.ok ? identityColumns(deps.crypto, checked.normalized, checked.birthDate) : null;
}

/**
 * A cohort refused (409) for these registrations, each named by what the clerk can find and act
 * on: the candidate's exam number (考号) and the registration (报到) — not the ID number, which is
 * in no request and shown to no one.
 */
function refusedRegistrations<R extends { examNumber: string; registrationId: string }>(
  code: 'LEARNER_ID_INVALID' | 'LEARNER_ID_REPEATED' | 'LEARNER_EXISTS' | 'LEARNER_NAME_MISMATCH',
  rows: readonly R[],
  zh: (row: R) => string,
  en: (row: R) => string,
) {
  return new AppError(
    code,
    409,
    rows.map((r) => ({
      field: 'examNumber',
      code,
      examNumber: r.examNumber,
      registrationId: r.registrationId,
      message: zh(r),
      messageEn: en(r),
    })),
  );
}

/**
 * The registrations whose ID number another of them has too (a record corrected by hand — the
 * enrolment office keeps one candidate per ID number a season), each with the first other exam
 * number: one student cannot go on the register twice.
 *
 * @example withSameId([a, b]) // a and b share the number: [{ ...a, other: b.examNumber }, { ...b, other: a.examNumber }]
 */
function withSameId<R extends { examNumber: string; identity: { idIndex: string } }>(rows: readonly R[]) {
  const byIndex = new Map<string, R[]>();
  for (const r of rows) byIndex.set(r.identity.idIndex, [...(byIndex.get(r.identity.idIndex) ?? []), r]);
  return rows.flatMap((r) => {
    const other = byIndex.get(r.identity.idIndex)!.find((o) => o !== r);
    return other ? [{ ...r, other: other.examNumber }] : [];
  });
}

/**
 * Changes a learner's status (休学, 复学, 转学, 退学, 毕业) on a day, with a reason: the history line,
 * the learner's row and the audit row in one transaction, under the learner's row lock so two
 * changes are judged one after the other. Refused (409 `LEARNER_STATUS_CHANGE_REFUSED`) with every
 * reason of `statusChangeRefusals`, each naming its field in zh and en.
 *
 * @example await changeLearnerStatus(deps, clerk, id, { status: 'suspended', date: '2024-03-01', reason: '因病' })
 */
export async function changeLearnerStatus(
  deps: ModuleDeps,
  actor: Actor,
  learnerId: string,
  input: { status: LearnerStatus; date: string; reason: string },
) {
  const row = await repo.findLearner(deps.db, learnerId);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
  if (row.kind === 'social')
    throw new AppError('LEARNER_STATUS_CHANGE_REFUSED', 409, [
      {
        field: 'status',
        code: 'SOCIAL_LEARNER',
        message: '社会学习者不在学籍中，没有学籍状态可变更',
        messageEn: 'A social learner is not on the student register and has no status to change',
      },
    ]);
  await deps.transaction(async (trx) => {
    const standing = (await repo.lockLearnerStanding(trx, learnerId))!;
    const change = { to: input.status, on: input.date, reason: input.reason };
    const refusals = statusChangeRefusals(standing, change, today(deps));
    if (refusals.length > 0)
      throw new AppError(
        'LEARNER_STATUS_CHANGE_REFUSED',
        409,
        refusals.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en })),
      );
    const now = deps.clock.now();
    await repo.updateLearnerStatus(trx, learnerId, {
      status: input.status,
      statusSince: input.date,
      updatedAt: now,
    });
    await repo.insertStatusChanges(trx, [
      {
        learnerId,
        fromStatus: standing.status,
        toStatus: input.status,
        changedOn: input.date,
        reason: input.reason.trim(),
        changedBy: actor.userId,
        changedAt: now,
      },
    ]);
    // The reason may name health or family matters: it stays in the history, not in the audit row.
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learner.status_changed',
      objectType: 'learner',
      objectId: learnerId,
      details: { from: standing.status, to: input.status, on: input.date },
    });
  });
  return getLearner(deps, actor, learnerId);
}

/** One learner (ID number masked) with the school's name, the status history and abilities. */
export async function getLearner(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const row = await repo.findLearner(deps.db, learnerId);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  const school = (await unitRefsByIds(deps.db, [row.schoolId])).get(row.schoolId)!;
  const history = await repo.listStatusHistory(deps.db, learnerId);
  return { ...row, school, history, abilities: learnerAbilities(actor, row) };
}

/**
 * Learners of the schools the actor sees (a school's clerk: its own; the coordinator: the
 * district), optionally of one school, cohort or status; ID numbers masked; with the total for paging.
 *
 * @example await listLearners(deps, coordinator, { cohortYear: 2021, limit: 50, offset: 0 }) // { items, total }
 */
export async function listLearners(
  deps: ModuleDeps,
  actor: Actor,
  query: {
    schoolId?: string;
    cohortYear?: number;
    status?: LearnerStatus;
    kind?: LearnerKind;
    className?: string;
    limit?: number;
    offset?: number;
  },
) {
  const { limit = 50, offset = 0, ...filter } = query;
  const { rows, total } = await repo.listLearnerRows(deps.db, {
    ...filter,
    schoolIds: visibleSchoolIds(actor),
    limit,
    offset,
  });
  const schools = await unitRefsByIds(deps.db, [...new Set(rows.map((r) => r.schoolId))]);
  return {
    items: rows.map((r) => ({
      ...r,
      school: schools.get(r.schoolId)!,
      abilities: learnerAbilities(actor, r),
    })),
    total,
  };
}
