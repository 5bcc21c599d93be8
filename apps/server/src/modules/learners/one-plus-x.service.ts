import { onePlusXFigures, type OnePlusXFigures } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { visibleSchoolIds } from './learners.policy.ts';
import { enrolledOn, majorNames, participantsBySchool, sittingsBetween } from './one-plus-x.queries.ts';

/*
 * 1+X statistics (1+X统计, task （十六）): per school and per school and major, a year's learners on
 * the register at its end, participants, sittings, passes, the rates, the certificates recognised;
 * and the district's total. Read for the schools the actor sees (learner.read: a school its own,
 * the coordinator the district).
 */

type Counts = {
  onRegister: number;
  participants: number;
  sittings: number;
  passes: number;
  recognised: number;
};
const zero = (): Counts => ({ onRegister: 0, participants: 0, sittings: 0, passes: 0, recognised: 0 });
const addTo = (into: Counts, c: Partial<Counts>) => {
  for (const k of Object.keys(c) as Array<keyof Counts>) into[k] += c[k] ?? 0;
};

/**
 * The counts of a year per school and major (and each school's distinct participants), for the
 * schools given (null: every school). Shared by the statistics and the plan's metrics.
 */
export async function onePlusXCounts(
  db: ModuleDeps['db'],
  schoolIds: readonly string[] | null,
  window: { from: string; to: string; registerOn: string },
) {
  const [register, sittings, participants] = await Promise.all([
    enrolledOn(db, schoolIds, window.registerOn),
    sittingsBetween(db, schoolIds, window.from, window.to),
    participantsBySchool(db, schoolIds, window.from, window.to),
  ]);
  const schools = new Map<string, { counts: Counts; majors: Map<string, Counts> }>();
  const school = (id: string) => {
    let s = schools.get(id);
    if (!s) schools.set(id, (s = { counts: zero(), majors: new Map() }));
    return s;
  };
  const major = (schoolId: string, code: string) => {
    const majors = school(schoolId).majors;
    let m = majors.get(code);
    if (!m) majors.set(code, (m = zero()));
    return m;
  };
  for (const r of register) {
    addTo(major(r.schoolId, r.majorCode), { onRegister: r.learners });
    addTo(school(r.schoolId).counts, { onRegister: r.learners });
  }
  for (const { schoolId, majorCode, participants: p, ...c } of sittings) {
    addTo(major(schoolId, majorCode), { ...c, participants: p });
    addTo(school(schoolId).counts, c);
  }
  for (const [id, n] of participants) school(id).counts.participants = n;
  const total = zero();
  for (const s of schools.values()) addTo(total, s.counts);
  return { schools, total };
}

/**
 * A year's 1+X figures of the schools the actor sees: per school (its majors within), and the
 * total. Participation: distinct learners who sat in the year ÷ learners 在籍 on 31 December;
 * pass rate: passes ÷ sittings of the year.
 *
 * @example await onePlusXStatistics(deps, coordinator, { year: 2021 }) // { year: 2021, asOf: '2021-12-31', total, schools: [{ school, figures, majors }] }
 */
export async function onePlusXStatistics(deps: ModuleDeps, actor: Actor, query: { year: number }) {
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const { schools, total } = await onePlusXCounts(deps.db, visibleSchoolIds(actor), {
    from,
    to,
    registerOn: to,
  });
  const ids = [...schools.keys()];
  const [units, names] = await Promise.all([unitRefsByIds(deps.db, ids), majorNames(deps.db, ids)]);
  const figures = (c: Counts): OnePlusXFigures => onePlusXFigures(c);
  return {
    year: query.year,
    asOf: to,
    total: figures(total),
    schools: ids
      .map((id) => ({ school: units.get(id)!, entry: schools.get(id)! }))
      .sort((a, b) => a.school.code.localeCompare(b.school.code))
      .map(({ school, entry }) => ({
        school,
        figures: figures(entry.counts),
        majors: [...entry.majors.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, c]) => ({
            majorCode: code,
            majorName: names.get(`${school.id}|${code}`) ?? code,
            figures: figures(c),
          })),
      })),
  };
}
