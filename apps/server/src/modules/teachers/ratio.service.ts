import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { districtSettings } from './district-settings.ts';
import type { RatioQuery, RatioTeachersQuery } from './dq.schema.ts';
import { ratioByMajor, ratioBySchool, ratioTeachers } from './ratio.queries.ts';
import { ratioPercent } from './ratio.rules.ts';
import { schoolsUnder } from './school-units.ts';
import { queryDate } from './teacher-input.ts';
import { visibleSchoolIds } from './teachers.policy.ts';

/*
 * The 双师型 ratio for an org unit (a school, the bureau, the district…) on a date, per school or
 * per major, within what the actor sees; and the teachers behind it.
 */

/** The unit asked for (default: the actor's district if they see it, else their own unit) and its visible schools. */
async function scopeOf(deps: ModuleDeps, actor: Actor, orgUnitId: string | undefined) {
  const visible = visibleSchoolIds(actor);
  const sees = (id: string) => actor.scope.all || actor.scope.orgUnitIds.includes(id);
  const rootId =
    orgUnitId ?? (actor.districtId && sees(actor.districtId) ? actor.districtId : actor.orgUnitId);
  if (!sees(rootId)) throw notFound();
  const unit = (await unitRefsByIds(deps.db, [rootId])).get(rootId);
  if (!unit) throw notFound();
  const schools = (await schoolsUnder(deps.db, rootId)).filter(
    (s) => visible === null || visible.includes(s.id),
  );
  return { unit: { id: unit.id, code: unit.code, name: unit.name }, schools };
}

/** The ratio overall and per school (and per major with `by: 'major'`) on a date (default today). */
export async function getRatio(deps: ModuleDeps, actor: Actor, q: Static<typeof RatioQuery>) {
  const date = queryDate('date', q.date, chinaDate(deps.clock.now()));
  const { unit, schools } = await scopeOf(deps, actor, q.orgUnitId);
  const ids = schools.map((s) => s.id);
  const counts = new Map((await ratioBySchool(deps.db, ids, date)).map((r) => [r.schoolId, r]));
  const schoolRows = schools
    .filter((s) => counts.has(s.id))
    .map((s) => {
      const { numerator, denominator } = counts.get(s.id)!;
      return { school: s, numerator, denominator, percent: ratioPercent(numerator, denominator) };
    });
  const numerator = schoolRows.reduce((n, r) => n + r.numerator, 0);
  const denominator = schoolRows.reduce((n, r) => n + r.denominator, 0);
  const majors =
    q.by === 'major'
      ? (await ratioByMajor(deps.db, ids, date)).map((m) => ({
          ...m,
          percent: ratioPercent(m.numerator, m.denominator),
        }))
      : [];
  const settings = await districtSettings(deps.db, actor.districtId);
  return {
    date,
    orgUnit: unit,
    countPartTime: settings.countPartTime,
    overall: { numerator, denominator, percent: ratioPercent(numerator, denominator) },
    schools: schoolRows,
    majors,
  };
}

/** The teachers counted in the ratio on a date, recognised ones marked. */
export async function getRatioTeachers(deps: ModuleDeps, actor: Actor, q: Static<typeof RatioTeachersQuery>) {
  const date = queryDate('date', q.date, chinaDate(deps.clock.now()));
  const { schools } = await scopeOf(deps, actor, q.orgUnitId);
  const byId = new Map(schools.map((s) => [s.id, s]));
  const rows = await ratioTeachers(deps.db, [...byId.keys()], date, q);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    idMasked: r.idMasked,
    series: r.series,
    school: byId.get(r.schoolId)!,
    recognised: r.dqLevel !== null,
    dq: r.dqLevel && r.dqValidUntil ? { level: r.dqLevel, validUntil: r.dqValidUntil } : null,
  }));
}
