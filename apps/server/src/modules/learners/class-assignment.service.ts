import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { canSeeSchool, mayManageSchool, visibleSchoolIds } from './learners.policy.ts';
import * as repo from './learners.repository.ts';

/*
 * 分班: a school's register keeper puts learners into a class (a cohort made from 报到 starts with
 * none). One class name for a selection of learners of one school, all or nothing.
 */

/** The most learners one assignment takes (a page of the register). */
const MAX_CLASS_ASSIGNMENT = 500;

/** Statuses whose learners are still at the school and can be put into a class. */
const AT_SCHOOL = new Set(['enrolled', 'suspended']);

/**
 * Puts the learners into the class `className` (trimmed; blank takes them out of any class): every
 * learner must be on one register the actor keeps (an unseen one is 404, one the actor sees but
 * does not keep 403), a student (not a social learner) still at the school (在籍 or 休学), otherwise nothing is written and
 * every refused learner is named (409 `LEARNER_CLASS_REFUSED`, field `learnerIds`, zh and en).
 * Writes an audit row per learner moved (the class and the one it left); a class is not a status.
 *
 * @example await assignClass(deps, clerk, { learnerIds: [a, b], className: '汽修2027-1班' }) // { updated: 2 }
 */
export async function assignClass(
  deps: ModuleDeps,
  actor: Actor,
  input: { learnerIds: string[]; className: string },
): Promise<{ updated: number; unchanged: number }> {
  const ids = [...new Set(input.learnerIds)];
  const className = input.className.trim();
  if (ids.length === 0 || ids.length > MAX_CLASS_ASSIGNMENT)
    throw fieldError(
      'learnerIds',
      'OUT_OF_RANGE',
      `请选择 1 至 ${MAX_CLASS_ASSIGNMENT} 名学生`,
      `Choose between 1 and ${MAX_CLASS_ASSIGNMENT} learners`,
    );
  if (className.length > 50)
    throw fieldError(
      'className',
      'TOO_LONG',
      '班级名称不能超过 50 个字',
      'The class name is at most 50 characters',
    );
  return deps.transaction(async (trx) => {
    const rows = await repo.lockLearnersForClass(trx, ids);
    if (rows.length < ids.length || rows.some((r) => !canSeeSchool(actor, r.schoolId))) throw notFound();
    if (rows.some((r) => !mayManageSchool(actor, r.schoolId))) throw forbidden();
    const schools = new Set(rows.map((r) => r.schoolId));
    if (schools.size > 1)
      throw fieldError(
        'learnerIds',
        'MIXED_SCHOOLS',
        '一次分班只能选择同一所学校的学生',
        'One class assignment takes learners of one school',
      );
    const refused = rows.flatMap((r) =>
      r.kind === 'social'
        ? [
            {
              field: 'learnerIds',
              code: 'SOCIAL_LEARNER',
              message: `${r.name}（${r.idMasked}）是社会学习者，不编入学籍班级`,
              messageEn: `${r.name} (${r.idMasked}) is a social learner and is not put into a class of the register`,
            },
          ]
        : !AT_SCHOOL.has(r.status)
          ? [
              {
                field: 'learnerIds',
                code: 'NOT_AT_SCHOOL',
                message: `${r.name}（${r.idMasked}）已不在校（转学、退学或毕业），不能分班`,
                messageEn: `${r.name} (${r.idMasked}) has left the school (transferred, withdrawn or graduated): no class can be assigned`,
              },
            ]
          : [],
    );
    if (refused.length > 0) throw new AppError('LEARNER_CLASS_REFUSED', 409, refused);
    const changing = rows.filter((r) => r.className !== className).map((r) => r.id);
    if (changing.length > 0) await repo.setClassName(trx, changing, className, deps.clock.now());
    // One row per learner moved, with the class it left: who put learner X into class Y is on record.
    await deps.audit.recordMany(
      trx,
      auditActorOf(actor),
      rows
        .filter((r) => r.className !== className)
        .map((r) => ({
          action: 'learner.class_assigned',
          objectType: 'learner',
          objectId: r.id,
          details: { className, from: r.className },
        })),
    );
    return { updated: changing.length, unchanged: rows.length - changing.length };
  });
}

/**
 * The classes of the schools the actor sees (optionally one school), each with its learners still
 * at the school: what the register's class filter and the 分班 form offer.
 *
 * @example await listClasses(deps, clerk, {}) // [{ schoolId, className: '汽修2027-1班', learners: 42 }]
 */
export async function listClasses(deps: ModuleDeps, actor: Actor, query: { schoolId?: string }) {
  return { items: await repo.listClassRows(deps.db, visibleSchoolIds(actor), query.schoolId) };
}
