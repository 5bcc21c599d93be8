import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { checkRecruitment } from './recruitment.rules.ts';
import { RECRUITMENT_RULE } from './teachers.config.ts';
import { canSeeSchool, mayReviewDistrict, visibleSchoolIds } from './teachers.policy.ts';
import { hireExceptions, loadParts } from './teachers.repository.ts';

/**
 * Every full-time hire on or after the rule's start (up to `upTo`) in the given schools (null: all),
 * checked against the recruitment rule, with its exception if one was granted. Teachers not hired
 * for 专业课 are left out (the rule does not apply to them).
 */
export async function loadHireChecks(db: Executor, schoolIds: readonly string[] | null, upTo: string) {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  let q = db
    .selectFrom('teacher as t')
    .innerJoin('orgUnit as s', 's.id', 't.schoolId')
    .select([
      't.id',
      't.name',
      't.idMasked',
      't.schoolId',
      't.districtId',
      's.code as schoolCode',
      's.name as schoolName',
      't.series',
      't.hireDate',
      't.education',
    ])
    .where('t.series', '=', 'full_time')
    .where('t.hireDate', '>=', RECRUITMENT_RULE.effectiveFrom)
    .where('t.hireDate', '<=', upTo);
  if (schoolIds !== null) q = q.where('t.schoolId', 'in', [...schoolIds]);
  const rows = await q.orderBy('s.code').orderBy('t.hireDate').orderBy('t.name').execute();
  const parts = await loadParts(
    db,
    rows.map((r) => r.id),
  );
  const exceptions = await hireExceptions(
    db,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) => ({
      ...r,
      check: checkRecruitment({ ...r, ...parts.get(r.id)! }, RECRUITMENT_RULE),
      exception: exceptions.get(r.id) ?? null,
    }))
    .filter((r) => r.check.applies);
}

/**
 * The recruitment rule of task （七） over the register: 2020+ hires of 专业课 teachers with their
 * check and reasons, and exceptions — a recorded, audited decision of the district (teacher.review)
 * with its reason — for hires that do not comply.
 */
export function createHiresService(deps: {
  db: Kysely<Database>;
  transaction: Transact;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  async function listHires(actor: Actor, f: { compliant?: boolean; schoolId?: string }) {
    const visible = visibleSchoolIds(actor);
    const schools = f.schoolId ? (canSeeSchool(actor, f.schoolId) ? [f.schoolId] : []) : visible;
    const checks = await loadHireChecks(db, schools, chinaDate(clock.now()));
    const items = checks
      .filter((c) => f.compliant === undefined || c.check.compliant === f.compliant)
      .map((c) => ({
        teacher: { id: c.id, name: c.name, idMasked: c.idMasked },
        school: { id: c.schoolId, code: c.schoolCode, name: c.schoolName },
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
      }));
    const nonCompliant = checks.filter((c) => !c.check.compliant);
    return {
      summary: {
        hires: checks.length,
        compliant: checks.length - nonCompliant.length,
        exceptions: nonCompliant.filter((c) => c.exception).length,
        nonCompliant: nonCompliant.length,
      },
      items,
    };
  }

  async function grantException(actor: Actor, teacherId: string, reason: string) {
    const t = await db
      .selectFrom('teacher')
      .select(['id', 'schoolId', 'districtId'])
      .where('id', '=', teacherId)
      .executeTakeFirst();
    if (!t || !canSeeSchool(actor, t.schoolId)) throw notFound();
    if (!mayReviewDistrict(actor, t.districtId)) throw forbidden();
    const text = reason.trim();
    if (!text)
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'reason', code: 'REQUIRED', message: '请填写例外理由', messageEn: 'A reason is required' },
      ]);
    const check = (await loadHireChecks(db, [t.schoolId], '9999-12-31')).find((c) => c.id === teacherId);
    if (!check) throw new AppError('TEACHER_HIRE_RULE_NOT_APPLICABLE', 409);
    if (check.check.compliant) throw new AppError('TEACHER_HIRE_COMPLIANT', 409);
    if (check.exception) throw new AppError('TEACHER_HIRE_EXCEPTION_EXISTS', 409);
    await deps.transaction(async (trx) => {
      const inserted = await trx
        .insertInto('teacherHireException')
        .values({ teacherId, reason: text, grantedBy: actor.userId, grantedAt: clock.now() })
        .onConflict((oc) => oc.column('teacherId').doNothing())
        .returning('teacherId')
        .executeTakeFirst();
      if (!inserted) throw new AppError('TEACHER_HIRE_EXCEPTION_EXISTS', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: 'teacher.hire_exception.granted',
        objectType: 'teacher',
        objectId: teacherId,
        details: { reason: text, reasons: check.check.reasons.map((r) => r.code) },
      });
    });
    deps.onWrite?.();
    return (await listHires(actor, { schoolId: t.schoolId })).items.find((i) => i.teacher.id === teacherId)!;
  }

  return { listHires, grantException };
}

/** Counts for the compliance metric: hires per school, and how many comply or have an exception. */
export async function hireComplianceBySchool(db: Executor, schoolIds: readonly string[], upTo: string) {
  const checks = await loadHireChecks(db, schoolIds, upTo);
  const out = new Map<string, { hires: number; ok: number }>();
  for (const c of checks) {
    const e = out.get(c.schoolId) ?? { hires: 0, ok: 0 };
    e.hires++;
    if (c.check.compliant || c.exception) e.ok++;
    out.set(c.schoolId, e);
  }
  return out;
}

export type HiresService = ReturnType<typeof createHiresService>;
