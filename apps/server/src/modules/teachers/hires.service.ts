import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { teacherFor } from './application-checks.ts';
import type { HiresQuery } from './dq.schema.ts';
import { loadHireChecks } from './hire-checks.ts';
import { insertHireException } from './hires.repository.ts';
import { canSeeSchool, mayReviewDistrict, visibleSchoolIds } from './teachers.policy.ts';

/*
 * The recruitment rule of task （七） over the register: 2020+ hires of 专业课 teachers with their
 * check and reasons, and exceptions — a recorded, audited decision of the district (teacher.review)
 * with its reason — for hires that do not comply.
 */

type HireCheck = Awaited<ReturnType<typeof loadHireChecks>>[number];

function hireView(actor: Actor, c: HireCheck) {
  return {
    teacher: { id: c.id, name: c.name, idMasked: c.idMasked },
    school: { id: c.school.id, code: c.school.code, name: c.school.name },
    hireDate: c.hireDate,
    education: c.education,
    enterpriseYears: c.check.enterpriseYears,
    highSkill: c.check.highSkill,
    compliant: c.check.compliant,
    reasons: c.check.reasons,
    exception: c.exception,
    abilities: {
      grantException: !c.check.compliant && !c.exception && mayReviewDistrict(actor, c.districtId),
    },
  };
}

/** 2020+ 专业课 hires of the schools the actor sees, checked, with counts. */
export async function listHires(deps: ModuleDeps, actor: Actor, f: Static<typeof HiresQuery>) {
  const visible = visibleSchoolIds(actor);
  const schools = f.schoolId ? (canSeeSchool(actor, f.schoolId) ? [f.schoolId] : []) : visible;
  const checks = await loadHireChecks(deps.db, schools, chinaDate(deps.clock.now()));
  const nonCompliant = checks.filter((c) => !c.check.compliant);
  return {
    summary: {
      hires: checks.length,
      compliant: checks.length - nonCompliant.length,
      exceptions: nonCompliant.filter((c) => c.exception).length,
      nonCompliant: nonCompliant.length,
    },
    items: checks
      .filter((c) => f.compliant === undefined || c.check.compliant === f.compliant)
      .map((c) => hireView(actor, c)),
  };
}

/** The district accepts a hire that does not comply, with its reason (once per teacher; audited). */
export async function grantException(deps: ModuleDeps, actor: Actor, teacherId: string, reason: string) {
  const t = await teacherFor(deps.db, actor, teacherId);
  if (!mayReviewDistrict(actor, t.districtId)) throw forbidden();
  const text = reason.trim();
  if (!text)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'reason', code: 'REQUIRED', message: '请填写例外理由', messageEn: 'A reason is required' },
    ]);
  const check = (await loadHireChecks(deps.db, [t.schoolId], '9999-12-31')).find((c) => c.id === teacherId);
  if (!check) throw new AppError('TEACHER_HIRE_RULE_NOT_APPLICABLE', 409);
  if (check.check.compliant) throw new AppError('TEACHER_HIRE_COMPLIANT', 409);
  if (check.exception) throw new AppError('TEACHER_HIRE_EXCEPTION_EXISTS', 409);
  await deps.transaction(async (trx) => {
    const row = { teacherId, reason: text, grantedBy: actor.userId, grantedAt: deps.clock.now() };
    if (!(await insertHireException(trx, row))) throw new AppError('TEACHER_HIRE_EXCEPTION_EXISTS', 409);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.hire_exception.granted',
      objectType: 'teacher',
      objectId: teacherId,
      details: { reason: text, reasons: check.check.reasons.map((r) => r.code) },
    });
  });
  const hires = await listHires(deps, actor, { schoolId: t.schoolId });
  return hires.items.find((i) => i.teacher.id === teacherId)!;
}
