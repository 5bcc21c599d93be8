import type { ApprenticeshipScheme, CentreKind } from '@zhijiao/contracts';
import { sql } from 'kysely';
import { endOfChinaDay } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';

/*
 * The reads the plan's metrics and other modules make of cooperation records (Kysely only).
 * Each takes the schools (or enterprise) it is about and the day or window it is asked for.
 */

const uuids = (ids: readonly string[]) => sql.val([...ids]);

/** Centres of a kind at the schools opened by `day` and not closed on or before it. */
export function centresOperatingOn(
  db: Executor,
  schoolIds: readonly string[],
  kind: CentreKind,
  day: string,
) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cooperationCentre')
    .select(['id', 'name', 'schoolId', 'openedOn'])
    .where('kind', '=', kind)
    .where('schoolId', 'in', [...schoolIds])
    .where('openedOn', '<=', day)
    .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>', day)]))
    .orderBy('openedOn')
    .orderBy('name')
    .execute();
}

/**
 * Apprenticeships at the schools approved by both parties by `to` and running at some time of
 * [from, to]: started by `to`, not ended, completed or terminated before `from`.
 */
export function apprenticeshipsRunning(db: Executor, schoolIds: readonly string[], from: string, to: string) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('apprenticeship')
    .select(['id', 'title', 'scheme', 'apprenticeCount', 'startsOn'])
    .where('schoolId', 'in', [...schoolIds])
    .where('enterpriseApprovedOn', 'is not', null)
    .where('enterpriseApprovedOn', '<=', to)
    .where('startsOn', '<=', to)
    .where('endsOn', '>=', from)
    .where((eb) => eb.or([eb('completedOn', 'is', null), eb('completedOn', '>=', from)]))
    .where((eb) => eb.or([eb('terminatedOn', 'is', null), eb('terminatedOn', '>', from)]))
    .orderBy('startsOn')
    .orderBy('title')
    .execute() as Promise<
    Array<{
      id: string;
      title: string;
      scheme: ApprenticeshipScheme;
      apprenticeCount: number;
      startsOn: string;
    }>
  >;
}

/**
 * Agreements at the schools in force on `day`: signed by then with the signed copy on file (as the
 * certification's evidence counts them, `signedAgreementsInForceOn`) and running that day
 * (started, not ended, not terminated by then). An agreement recorded without its signed copy is a
 * draft of the parties' intent, not an agreement in force.
 */
export function agreementsRunningOn(db: Executor, schoolIds: readonly string[], day: string) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cooperationAgreement')
    .select(['id', 'title', 'schoolId', 'enterpriseId'])
    .where('schoolId', 'in', [...schoolIds])
    .where('agreementFileId', 'is not', null)
    .where('signedOn', 'is not', null)
    .where('signedOn', '<=', day)
    .where('startsOn', '<=', day)
    .where('endsOn', '>=', day)
    .where((eb) => eb.or([eb('terminatedOn', 'is', null), eb('terminatedOn', '>', day)]))
    .orderBy('title')
    .execute();
}

/**
 * The enterprise's signed agreements on record by the end of `day`: signed by then with the signed
 * copy named, recorded by the end of it — an agreement entered later, however far back its dates
 * reach, says nothing of what was on file that day. Whatever their period: the caller asks which
 * ran when. Each with its signed copy's id (its upload is checked by the caller too).
 */
export function signedAgreementsOnRecord(db: Executor, enterpriseId: string, day: string) {
  return db
    .selectFrom('cooperationAgreement')
    .select(['id', 'startsOn', 'endsOn', 'signedOn', 'terminatedOn', 'agreementFileId'])
    .where('enterpriseId', '=', enterpriseId)
    .where('agreementFileId', 'is not', null)
    .where('signedOn', 'is not', null)
    .where('signedOn', '<=', day)
    .where('createdAt', '<', endOfChinaDay(day))
    .orderBy('startsOn')
    .execute() as Promise<
    Array<{
      id: string;
      startsOn: string;
      endsOn: string;
      signedOn: string;
      terminatedOn: string | null;
      agreementFileId: string;
    }>
  >;
}

/**
 * Apprentices per year of start, of the enterprise's programmes approved by both by `day` under one
 * of `agreementIds` (the signed agreements on file), started while it was not terminated.
 */
export async function apprenticesPerStartYear(
  db: Executor,
  enterpriseId: string,
  day: string,
  agreementIds: readonly string[],
) {
  if (agreementIds.length === 0) return {};
  const rows = await db
    .selectFrom('apprenticeship as p')
    .innerJoin('cooperationAgreement as a', 'a.id', 'p.agreementId')
    .select(['p.startsOn', 'p.apprenticeCount'])
    .where('p.enterpriseId', '=', enterpriseId)
    .where('p.agreementId', 'in', [...agreementIds])
    .where('p.enterpriseApprovedOn', 'is not', null)
    .where('p.enterpriseApprovedOn', '<=', day)
    .where('p.startsOn', '<=', day)
    .where((eb) => eb.or([eb('a.terminatedOn', 'is', null), eb('a.terminatedOn', '>', eb.ref('p.startsOn'))]))
    .execute();
  const out: Record<number, number> = {};
  for (const r of rows) {
    const year = Number(r.startsOn.slice(0, 4));
    out[year] = (out[year] ?? 0) + r.apprenticeCount;
  }
  return out;
}

/** Centres with the enterprise as partner in operation on `day`. */
export async function partnerCentresOn(db: Executor, enterpriseId: string, day: string) {
  const row = await db
    .selectFrom('cooperationCentre')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`${enterpriseId}::uuid = ANY(partner_ids)`)
    .where('openedOn', '<=', day)
    .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>', day)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Staff trained per year of the project's start, in projects of centres the enterprise is partner
 * of, started by `day`: the projects with the enterprise named, and those naming no enterprise
 * (with every partner).
 */
export async function staffTrainedPerYear(db: Executor, enterpriseId: string, day: string) {
  const rows = await db
    .selectFrom('cooperationCentreProject as p')
    .innerJoin('cooperationCentre as c', 'c.id', 'p.centreId')
    .select(['p.startsOn', 'p.staffTrained'])
    .where('p.staffTrained', 'is not', null)
    .where('p.startsOn', '<=', day)
    .where((eb) =>
      eb.or([
        eb('p.enterpriseId', '=', enterpriseId),
        eb.and([eb('p.enterpriseId', 'is', null), sql<boolean>`${enterpriseId}::uuid = ANY(c.partner_ids)`]),
      ]),
    )
    .execute();
  const out: Record<number, number> = {};
  for (const r of rows) {
    const year = Number(r.startsOn.slice(0, 4));
    out[year] = (out[year] ?? 0) + (r.staffTrained ?? 0);
  }
  return out;
}

/** Staff trained in projects of the schools' centres started in [from, to]. */
export function projectsStartedIn(db: Executor, schoolIds: readonly string[], from: string, to: string) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cooperationCentreProject as p')
    .innerJoin('cooperationCentre as c', 'c.id', 'p.centreId')
    .select(['p.id', 'p.title', 'p.staffTrained', 'c.name as centreName'])
    .where(sql<boolean>`c.school_id = ANY(${uuids(schoolIds)}::uuid[])`)
    .where('p.startsOn', '>=', from)
    .where('p.startsOn', '<=', to)
    .orderBy('p.startsOn')
    .execute();
}
