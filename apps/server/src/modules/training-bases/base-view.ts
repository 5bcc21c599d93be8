import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import { cancelRefusals, utilisation, type ChinaMoment, type OpeningHours } from './booking.rules.ts';
import {
  canSeeSession,
  mayCancelSession,
  mayKeepBase,
  readsBaseFully,
  type ActorUnitFacts,
} from './training-bases.policy.ts';
import {
  documentIdsOf,
  equipmentOf,
  equipmentValueOf,
  partnersOf,
  sessionsOfBases,
  type BaseRow,
  type SessionRow,
} from './training-bases.repository.ts';

/** How far back a base's page lists sessions (a busy base books thousands a year). */
export const SESSIONS_LISTED_DAYS = 90;

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Bases as the list shows them: owner and partners named, equipment value, the actor's abilities. */
export async function describeBases(
  db: Executor,
  actor: Actor,
  rows: readonly BaseRow[],
  unit: ActorUnitFacts,
) {
  const ids = rows.map((r) => r.id);
  const [partners, values] = await Promise.all([partnersOf(db, ids), equipmentValueOf(db, ids)]);
  const refs = await unitRefsByIds(db, [...rows.map((r) => r.ownerId), ...[...partners.values()].flat()]);
  return rows.map((r) => {
    const partnerIds = partners.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      owner: refs.get(r.ownerId)!,
      partners: partnerIds.map((p) => refs.get(p)!),
      majors: r.majors,
      capacity: r.capacity,
      location: r.location,
      status: r.status,
      plannedOn: r.plannedOn,
      constructionStartedOn: r.constructionStartedOn,
      operatingSince: r.operatingSince,
      equipmentValue: values.get(r.id) ?? 0,
      partnerIds,
      abilities: {
        edit: mayKeepBase(actor, r, unit),
        book: unit.books && r.status === 'operating' && actor.districtId === r.districtId,
      },
    };
  });
}

/** Sessions as the actor sees them. */
export async function describeSessions(
  db: Executor,
  actor: Actor,
  rows: readonly SessionRow[],
  opts: { readsFully: boolean; keepsBase: boolean; now: ChinaMoment },
) {
  const visible = rows.filter((s) => canSeeSession(actor, s.bookerId, opts.readsFully));
  const refs = await unitRefsByIds(
    db,
    visible.map((s) => s.bookerId),
  );
  return visible.map((s) => ({
    id: s.id,
    baseId: s.baseId,
    booker: refs.get(s.bookerId)!,
    date: s.sessionDate,
    startTime: hhmm(s.startMinute),
    endTime: hhmm(s.startMinute + s.minutes),
    hours: s.minutes / 60,
    groupSize: s.groupSize,
    purpose: s.purpose,
    topic: s.topic,
    state: s.state,
    cancelledOn: s.cancelledOn,
    abilities: {
      cancel: cancelRefusals(s, opts.now).length === 0 && mayCancelSession(actor, s.bookerId, opts.keepsBase),
    },
  }));
}

/** Utilisation of a base for each year from the one it came into operation to `today`'s. */
export function utilisationByYear(
  base: BaseRow,
  sessions: readonly SessionRow[],
  opening: OpeningHours,
  today: string,
) {
  if (!base.operatingSince || base.status !== 'operating') return [];
  const booked = sessions
    .filter((s) => s.state === 'booked')
    .map((s) => ({
      date: s.sessionDate,
      startMinute: s.startMinute,
      minutes: s.minutes,
      groupSize: s.groupSize,
    }));
  const out = [];
  for (let y = Number(base.operatingSince.slice(0, 4)); y <= Number(today.slice(0, 4)); y++)
    out.push(utilisation(y, base, booked, opening));
  return out;
}

/** One base in full: equipment, documents, the sessions the actor may see, utilisation per year. */
export async function describeBaseDetail(
  db: Executor,
  actor: Actor,
  base: BaseRow,
  unit: ActorUnitFacts,
  opening: OpeningHours,
  now: ChinaMoment,
) {
  const today = now.date;
  const [summary] = await describeBases(db, actor, [base], unit);
  const readsFully = readsBaseFully(actor, { ...base, partnerIds: summary!.partnerIds }, unit);
  const [equipment, documentIds, sessions] = await Promise.all([
    equipmentOf(db, base.id),
    documentIdsOf(db, base.id),
    sessionsOfBases(db, [base.id]),
  ]);
  // The page lists the last 90 days and what is booked ahead; utilisation reads every session.
  const listedFrom = addDays(today, -SESSIONS_LISTED_DAYS);
  const files = await findStoredFiles(db, documentIds);
  return {
    ...summary!,
    equipment,
    documents: documentIds.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id, name: f.name, sizeBytes: f.sizeBytes }] : [];
    }),
    sessions: await describeSessions(
      db,
      actor,
      sessions.filter((s) => s.sessionDate >= listedFrom),
      {
        readsFully,
        keepsBase: summary!.abilities.edit,
        now,
      },
    ),
    utilisation: readsFully ? utilisationByYear(base, sessions, opening, today) : [],
    opening: {
      source: opening.source,
      weekdays: [...opening.weekdays],
      opensAt: hhmm(opening.opensAtMinute),
      closesAt: hhmm(opening.closesAtMinute),
    },
  };
}
