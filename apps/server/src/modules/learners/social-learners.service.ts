import { keepsVocationalRecords } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { canSeeSchool, mayManageSchool, visibleSchoolIds } from './learners.policy.ts';
import * as repo from './learners.repository.ts';

/*
 * Social learners (社会学习者): adults a vocational school trains, on its register beside its
 * students so their outcomes go through the credit bank. One person is one row per school, found
 * by the ID number's blind index, never by name: registering someone already on the register
 * (a student, or a social learner registered before) answers that row; a social learner admitted
 * later through 报到 becomes the student (register.service.ts), outcomes and credits kept. Across
 * schools the district's reviewer sees the same person's rows (`listSamePerson`).
 */

/**
 * The youngest a social learner may be: a child under 14's personal data needs a guardian's
 * consent (PIPL art. 31, SECURITY.md), which this registration does not take.
 */
const MIN_AGE = 14;

/** Whole years from a birth date to a day (both `YYYY-MM-DD`). */
const ageOn = (birth: string, day: string) =>
  Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);

/** The line a social learner's history starts with. */
const ENTRY_REASON = '社会学习者登记';

type Problem = { field: string; code: string; message: string; messageEn: string };

const refuse = (problems: Problem[]) => new AppError('VALIDATION_FAILED', 400, problems);

/**
 * Registers an adult the school trains as a social learner (社会学习者): name and ID number (sex
 * and birth date read from it; a sex given must agree). Refused on its fields in zh and en (400).
 * When the ID number is already on the school's register the row there is answered (`merged:
 * true`) and nothing is written — unless its name differs (409 `LEARNER_NAME_MISMATCH`, field
 * `name`: a typing error in one of them, to be checked, never a second row). Under the school's
 * register lock, like the cohorts and imports; audited without the ID number.
 *
 * @example await registerSocialLearner(deps, clerk, { schoolId: vhs, name: '王建国', idNumber: '1404…' }) // { id, merged: false }
 */
export async function registerSocialLearner(
  deps: ModuleDeps,
  actor: Actor,
  input: { schoolId: string; name: string; idNumber: string; sex?: 'M' | 'F' },
): Promise<{ id: string; merged: boolean; kind: 'student' | 'social' }> {
  const [school] = await listOrgUnitInfo(deps.db, { ids: [input.schoolId] });
  if (!school || !canSeeSchool(actor, school.id)) throw notFound();
  if (!mayManageSchool(actor, school.id)) throw forbidden();
  const districtId = await findDistrictOf(deps.db, school.id);
  if (!keepsVocationalRecords(school) || !districtId) throw new AppError('LEARNER_NOT_A_SCHOOL', 400);

  const problems: Problem[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100)
    problems.push({
      field: 'name',
      code: 'REQUIRED',
      message: '请填写姓名（不超过 100 个字）',
      messageEn: 'Give the name (at most 100 characters)',
    });
  const id = validateResidentId(input.idNumber, deps.clock.now());
  if (!id.ok) problems.push({ field: 'idNumber', code: id.code, message: id.zh, messageEn: id.en });
  else if (ageOn(id.birthDate, chinaDate(deps.clock.now())) < MIN_AGE)
    problems.push({
      field: 'idNumber',
      code: 'UNDER_AGE',
      message: `社会学习者须年满 ${MIN_AGE} 周岁（不满 ${MIN_AGE} 周岁者的个人信息须经监护人同意）`,
      messageEn: `A social learner must be at least ${MIN_AGE} (a younger child's personal data needs a guardian's consent)`,
    });
  else if (input.sex && input.sex !== id.sex)
    problems.push({
      field: 'sex',
      code: 'SEX_ID_MISMATCH',
      message: '性别与身份证号不一致',
      messageEn: 'The sex does not match the ID number',
    });
  if (problems.length > 0 || !id.ok) throw refuse(problems);

  const identity = identityColumns(deps.crypto, id.normalized, id.birthDate);
  return deps.transaction(async (trx) => {
    await repo.lockSchoolRegister(trx, school.id);
    const [existing] = await repo.findLearnersByIdIndexes(trx, school.id, [identity.idIndex]);
    if (existing) {
      const row = (await repo.findLearner(trx, existing.id))!;
      if (row.name !== name)
        throw new AppError('LEARNER_NAME_MISMATCH', 409, [
          {
            field: 'name',
            code: 'NAME_MISMATCH',
            message: `该身份证号已在本校登记为“${row.name}”（${row.kind === 'social' ? '社会学习者' : '学籍学生'}），与所填姓名不同`,
            messageEn: `This ID number is on the school’s register as “${row.name}” (${row.kind === 'social' ? 'a social learner' : 'a student'}), not under the name given`,
          },
        ]);
      return { id: row.id, merged: true, kind: row.kind };
    }
    const now = deps.clock.now();
    const today = chinaDate(now);
    const [learnerId] = await repo.insertLearners(trx, [
      {
        schoolId: school.id,
        districtId,
        kind: 'social',
        majorCode: '',
        majorName: '',
        className: '',
        cohortYear: Number(today.slice(0, 4)),
        name,
        ...identity,
        sex: id.sex,
        status: 'enrolled',
        statusSince: today,
        source: 'social',
        enrollmentRegistrationId: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await repo.insertStatusChanges(trx, [
      {
        learnerId: learnerId!,
        fromStatus: null,
        toStatus: 'enrolled',
        changedOn: today,
        reason: ENTRY_REASON,
        changedBy: actor.userId,
        changedAt: now,
      },
    ]);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learner.created',
      objectType: 'learner',
      objectId: learnerId!,
      details: { schoolId: school.id, source: 'social' },
    });
    return { id: learnerId!, merged: false, kind: 'social' as const };
  });
}

/**
 * The other rows of the same person (same ID number, by its blind index) in the learner's district
 * that the actor sees: for the district's reviewer, a student who also trains at another school;
 * a school's clerk sees its own school only, where a person has one row. Never matched by name.
 *
 * @example await listSamePerson(deps, coordinator, learnerId) // [{ id, school, kind, status, cohortYear }]
 */
export async function listSamePerson(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const row = await repo.findLearnerIdentity(deps.db, learnerId);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  const others = await repo.listSamePersonRows(deps.db, {
    districtId: row.districtId,
    idIndex: row.idIndex,
    exceptId: learnerId,
    schoolIds: visibleSchoolIds(actor),
  });
  const schools = await unitRefsByIds(deps.db, [...new Set(others.map((r) => r.schoolId))]);
  return { items: others.map((r) => ({ ...r, school: schools.get(r.schoolId)! })) };
}
