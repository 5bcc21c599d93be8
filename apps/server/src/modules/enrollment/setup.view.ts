import type { Actor } from '../../platform/auth/actor.ts';
import { seasonAbilities } from './enrollment.policy.ts';
import type { listBatches, listPrograms, listSeasonSchools } from './enrollment.repository.ts';
import type { Selectable } from 'kysely';
import type { EnrollmentSeasonTable } from './enrollment.tables.ts';

type SeasonRow = Selectable<EnrollmentSeasonTable>;
type Schools = NonNullable<ReturnType<Awaited<ReturnType<typeof listSeasonSchools>>['get']>>;

/** A season as the lists show it, with what the actor may do in it. */
export function seasonSummary(actor: Actor, s: SeasonRow, schools: Schools) {
  return {
    id: s.id,
    admissionYear: s.admissionYear,
    name: s.name,
    subjects: s.subjects,
    tieBreak: s.tieBreak,
    state: s.state,
    districtId: s.districtId,
    abilities: seasonAbilities(actor, s, schools),
  };
}

/** A batch with its preference window's state at `now`. */
function batchView(b: Awaited<ReturnType<typeof listBatches>>[number], now: Date, published: boolean) {
  const window: 'not_open' | 'open' | 'closed' =
    now < b.opensAt ? 'not_open' : now < b.closesAt ? 'open' : 'closed';
  const { id, code, name, position, opensAt, closesAt, maxChoices } = b;
  return { id, code, name, position, opensAt, closesAt, maxChoices, window, published };
}

function programView(p: Awaited<ReturnType<typeof listPrograms>>[number]) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    batchId: p.batchId,
    school: { id: p.schoolId, code: p.schoolCode, name: p.schoolName },
    track: p.track,
    quota: p.quota,
    minScore: p.minScore,
    requires: p.requires,
    reserved: p.reserved.map((r) => ({ code: r.code, capacity: r.capacity, schoolIds: r.schoolIds })),
  };
}

/** A season with its batches (window state at `now`, published or not) and programs. */
export function seasonDetail(
  actor: Actor,
  season: SeasonRow,
  parts: {
    batches: Awaited<ReturnType<typeof listBatches>>;
    programs: Awaited<ReturnType<typeof listPrograms>>;
    published: ReadonlySet<string>;
    schools: Schools;
    now: Date;
  },
) {
  const { batches, programs, published, schools, now } = parts;
  return {
    ...seasonSummary(actor, season, schools),
    batches: batches.map((b) => batchView(b, now, published.has(b.id))),
    programs: programs.map(programView),
  };
}
