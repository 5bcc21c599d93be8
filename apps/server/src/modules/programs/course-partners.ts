/**
 * Partner enterprises of a course (共同开发课程): which enterprises co-develop a school's course and
 * since which year. Kept with the course; the certification of 产教融合型企业 counts them per
 * enterprise through `coDevelopedCoursesByYear` (index.ts).
 */
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';

export interface CoursePartnerInput {
  enterpriseId: string;
  sinceYear: number;
}

/** Refuses (400, per field) a partner that is not an enterprise of the school's district, or a duplicate. */
export async function checkCoursePartners(
  db: Executor,
  districtId: string | null,
  partners: readonly CoursePartnerInput[],
): Promise<void> {
  if (partners.length === 0) return;
  const units = new Map(
    (await listOrgUnitInfo(db, { ids: partners.map((p) => p.enterpriseId), types: ['enterprise'] })).map(
      (u) => [u.id, u],
    ),
  );
  const inDistrict = districtId
    ? new Set((await listOrgUnitInfo(db, { under: districtId, types: ['enterprise'] })).map((u) => u.id))
    : null;
  const seen = new Set<string>();
  const problems = partners.flatMap((p, i) => {
    const field = `partnerEnterprises.${i}.enterpriseId`;
    if (!units.has(p.enterpriseId) || (inDistrict && !inDistrict.has(p.enterpriseId)))
      return [
        {
          field,
          code: 'NOT_AN_ENTERPRISE',
          message: '合作企业须为本区企业名录中的企业',
          messageEn: 'A partner must be an enterprise of the district’s register',
        },
      ];
    if (seen.has(p.enterpriseId))
      return [
        { field, code: 'DUPLICATE', message: '合作企业重复', messageEn: 'The partner is listed twice' },
      ];
    seen.add(p.enterpriseId);
    return [];
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}

/** Replaces a course's partners (in the caller's transaction). */
export async function replaceCoursePartners(
  db: Executor,
  courseId: string,
  partners: readonly CoursePartnerInput[],
): Promise<void> {
  await db.deleteFrom('coursePartnerEnterprise').where('courseId', '=', courseId).execute();
  if (partners.length > 0)
    await db
      .insertInto('coursePartnerEnterprise')
      .values(partners.map((p) => ({ courseId, enterpriseId: p.enterpriseId, sinceYear: p.sinceYear })))
      .execute();
}

/** The partners of courses, with the enterprises' names, for the course view. */
export async function listCoursePartners(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  const rows = await db
    .selectFrom('coursePartnerEnterprise')
    .select(['courseId', 'enterpriseId', 'sinceYear'])
    .where('courseId', 'in', [...courseIds])
    .orderBy('sinceYear')
    .execute();
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return rows.map((r) => ({ ...r, name: units.get(r.enterpriseId)?.name ?? '' }));
}

/**
 * Courses an enterprise co-develops with schools, per year the co-development began, up to the
 * year of `asOf` (`YYYY-MM-DD`): the measure behind the certification's 共同开发课程.
 *
 * @example await coDevelopedCoursesByYear(db, yitongId, '2021-06-30') // { 2019: 1, 2020: 2 }
 */
export async function coDevelopedCoursesByYear(
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('coursePartnerEnterprise')
    .select(['sinceYear', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('enterpriseId', '=', enterpriseId)
    .where('sinceYear', '<=', Number(asOf.slice(0, 4)))
    .groupBy('sinceYear')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sinceYear, Number(r.n)]));
}
