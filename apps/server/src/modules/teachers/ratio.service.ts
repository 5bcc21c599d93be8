import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { ratioByMajor, ratioBySchool, ratioTeachers } from './ratio.queries.ts';
import { ratioPercent } from './ratio.rules.ts';
import { queryDate } from './register.service.ts';
import { districtSettings } from './settings.service.ts';
import { visibleSchoolIds } from './teachers.policy.ts';

/** Schools (org units of type school) at or below `rootId`. */
export async function schoolsUnder(db: Executor, rootId: string) {
  const rows = await sql<{ id: string; code: string; name: string }>`
    WITH RECURSIVE sub AS (
      SELECT id, code, name, type FROM org_unit WHERE id = ${rootId}
      UNION ALL
      SELECT o.id, o.code, o.name, o.type FROM org_unit o JOIN sub ON o.parent_id = sub.id
    ) SELECT id, code, name FROM sub WHERE type = 'school' ORDER BY code`.execute(db);
  return rows.rows;
}

/**
 * The 双师型 ratio for an org unit (a school, the bureau, the district…) on a date, per school or
 * per major, within what the actor sees; and the teachers behind it.
 */
export function createRatioService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock.now());

  /** The unit asked for (default: the actor's district if they see it, else their own unit) and its visible schools. */
  async function scopeOf(actor: Actor, orgUnitId: string | undefined) {
    const visible = visibleSchoolIds(actor);
    const sees = (id: string) => actor.scope.all || actor.scope.orgUnitIds.includes(id);
    const rootId =
      orgUnitId ?? (actor.districtId && sees(actor.districtId) ? actor.districtId : actor.orgUnitId);
    if (!sees(rootId)) throw notFound();
    const unit = await db
      .selectFrom('orgUnit')
      .select(['id', 'code', 'name'])
      .where('id', '=', rootId)
      .executeTakeFirst();
    if (!unit) throw notFound();
    const schools = (await schoolsUnder(db, rootId)).filter(
      (s) => visible === null || visible.includes(s.id),
    );
    return { unit, schools };
  }

  async function getRatio(actor: Actor, q: { orgUnitId?: string; date?: string; by?: 'school' | 'major' }) {
    const date = queryDate('date', q.date, today());
    const { unit, schools } = await scopeOf(actor, q.orgUnitId);
    const ids = schools.map((s) => s.id);
    const bySchool = await ratioBySchool(db, ids, date);
    const numerator = bySchool.reduce((n, r) => n + r.numerator, 0);
    const denominator = bySchool.reduce((n, r) => n + r.denominator, 0);
    const counts = new Map(bySchool.map((r) => [r.schoolId, r]));
    const schoolRows = schools
      .filter((s) => counts.has(s.id))
      .map((s) => {
        const c = counts.get(s.id)!;
        return { school: s, ...c, percent: ratioPercent(c.numerator, c.denominator) };
      });
    const majors =
      q.by === 'major'
        ? (await ratioByMajor(db, ids, date)).map((m) => ({
            ...m,
            percent: ratioPercent(m.numerator, m.denominator),
          }))
        : [];
    const settings = await districtSettings(db, actor.districtId);
    return {
      date,
      orgUnit: unit,
      countPartTime: settings.countPartTime,
      overall: { numerator, denominator, percent: ratioPercent(numerator, denominator) },
      schools: schoolRows,
      majors,
    };
  }

  async function getRatioTeachers(
    actor: Actor,
    q: { orgUnitId?: string; date?: string; majorCode?: string; limit: number; offset: number },
  ) {
    const date = queryDate('date', q.date, today());
    const { schools } = await scopeOf(actor, q.orgUnitId);
    const rows = await ratioTeachers(
      db,
      schools.map((s) => s.id),
      date,
      q,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      idMasked: r.idMasked,
      series: r.series,
      school: { id: r.schoolId, code: r.schoolCode, name: r.schoolName },
      recognised: r.dqLevel !== null,
      dq: r.dqLevel && r.dqValidUntil ? { level: r.dqLevel, validUntil: r.dqValidUntil } : null,
    }));
  }

  return { getRatio, getRatioTeachers };
}

export type RatioService = ReturnType<typeof createRatioService>;
