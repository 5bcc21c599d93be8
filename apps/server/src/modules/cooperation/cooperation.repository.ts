import type {
  AgreementStatus,
  ApprenticeshipScheme,
  ApprenticeshipState,
  CentreKind,
  CentreState,
  CooperationScope,
} from '@zhijiao/contracts';
import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SelectQueryBuilder,
  type Updateable,
} from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import type {
  ApprenticeshipStageTable,
  ApprenticeshipTable,
  CooperationAgreementTable,
  CooperationCentreProjectTable,
  CooperationCentreTable,
} from './cooperation.tables.ts';

export type AgreementRow = Selectable<CooperationAgreementTable>;
export type ApprenticeshipRow = Selectable<ApprenticeshipTable>;
export type StageRow = Selectable<ApprenticeshipStageTable>;
export type CentreRow = Selectable<CooperationCentreTable>;
export type ProjectRow = Selectable<CooperationCentreProjectTable>;

/** Which records a list may return: all, or those whose school or enterprise (partner) is among the units. */
export type UnitScope = { all: true } | { all: false; unitIds: readonly string[] };
export interface Page {
  limit: number;
  offset: number;
}

const uuids = (ids: readonly string[]) => sql.val([...ids]);

type Listed = 'cooperationAgreement' | 'apprenticeship' | 'cooperationCentre';

/**
 * One page of a list's filtered and sorted query, the id last in the order so pages never overlap.
 *
 * @example pageOf(centresQuery(db, scope, f).selectAll().orderBy('openedOn', 'desc').orderBy('name'), page)
 */
function pageOf<T extends Listed, O>(q: SelectQueryBuilder<Database, T, O>, page: Page) {
  return q.orderBy(sql.ref('id')).limit(page.limit).offset(page.offset).execute();
}

/** How many rows a list's filtered query has (the total its pages show). */
async function countOf<T extends Listed>(q: SelectQueryBuilder<Database, T, object>): Promise<number> {
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ——— Agreements ———

export async function insertAgreement(trx: Executor, values: Insertable<CooperationAgreementTable>) {
  return (
    await trx.insertInto('cooperationAgreement').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export function findAgreement(db: Executor, id: string) {
  return db.selectFrom('cooperationAgreement').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface AgreementFilter {
  status?: AgreementStatus;
  scope?: CooperationScope;
  enterpriseId?: string;
  year?: number;
  q?: string;
}

function partiesIn(
  eb: ExpressionBuilder<Database, 'cooperationAgreement' | 'apprenticeship'>,
  ids: readonly string[],
) {
  if (ids.length === 0) return eb.val(false);
  return eb.or([eb('schoolId', 'in', [...ids]), eb('enterpriseId', 'in', [...ids])]);
}

function agreementsQuery(db: Executor, scope: UnitScope, f: AgreementFilter, day: string) {
  let q = db.selectFrom('cooperationAgreement');
  if (!scope.all) {
    const ids = scope.unitIds;
    q = q.where((eb) => partiesIn(eb, ids));
  }
  if (f.status === 'terminated') q = q.where('state', '=', 'terminated');
  else if (f.status) {
    q = q.where('state', '=', 'in_force');
    if (f.status === 'not_started') q = q.where('startsOn', '>', day);
    if (f.status === 'expired') q = q.where('endsOn', '<', day);
    if (f.status === 'in_force') q = q.where('startsOn', '<=', day).where('endsOn', '>=', day);
  }
  if (f.scope) q = q.where(sql<boolean>`${f.scope} = ANY(scopes)`);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  if (f.year !== undefined)
    q = q.where('startsOn', '<=', `${f.year}-12-31`).where('endsOn', '>=', `${f.year}-01-01`);
  if (f.q) q = q.where('title', 'like', containsPattern(f.q));
  return q;
}

/** Agreements in scope, latest start first. */
export function listAgreements(db: Executor, scope: UnitScope, f: AgreementFilter, day: string, page: Page) {
  return pageOf(
    agreementsQuery(db, scope, f, day).selectAll().orderBy('startsOn', 'desc').orderBy('title'),
    page,
  );
}

export function countAgreements(db: Executor, scope: UnitScope, f: AgreementFilter, day: string) {
  return countOf(agreementsQuery(db, scope, f, day));
}

/** Apprenticeships per agreement. */
export async function apprenticeshipsPerAgreement(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('apprenticeship')
    .select(['agreementId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agreementId', 'in', [...ids])
    .groupBy('agreementId')
    .execute();
  return new Map(rows.map((r) => [r.agreementId, Number(r.n)]));
}

export async function listAgreementIdsWithFile(db: Executor, fileId: string) {
  const rows = await db
    .selectFrom('cooperationAgreement')
    .select('id')
    .where('agreementFileId', '=', fileId)
    .execute();
  return rows.map((r) => r.id);
}

// ——— Apprenticeships ———

export async function insertApprenticeship(trx: Executor, values: Insertable<ApprenticeshipTable>) {
  return (await trx.insertInto('apprenticeship').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findApprenticeship(db: Executor, id: string) {
  return db.selectFrom('apprenticeship').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ApprenticeshipFilter {
  scheme?: ApprenticeshipScheme;
  state?: ApprenticeshipState;
  enterpriseId?: string;
  agreementId?: string;
  year?: number;
  q?: string;
}

function apprenticeshipsQuery(db: Executor, scope: UnitScope, f: ApprenticeshipFilter) {
  let q = db.selectFrom('apprenticeship');
  if (!scope.all) {
    const ids = scope.unitIds;
    q = q.where((eb) => partiesIn(eb, ids));
  }
  if (f.scheme) q = q.where('scheme', '=', f.scheme);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  if (f.agreementId) q = q.where('agreementId', '=', f.agreementId);
  if (f.year !== undefined)
    q = q.where('startsOn', '<=', `${f.year}-12-31`).where('endsOn', '>=', `${f.year}-01-01`);
  if (f.q) q = q.where('title', 'like', containsPattern(f.q));
  return q;
}

/** Apprenticeships in scope, latest start first. */
export function listApprenticeships(db: Executor, scope: UnitScope, f: ApprenticeshipFilter, page: Page) {
  return pageOf(
    apprenticeshipsQuery(db, scope, f).selectAll().orderBy('startsOn', 'desc').orderBy('title'),
    page,
  );
}

export function countApprenticeships(db: Executor, scope: UnitScope, f: ApprenticeshipFilter) {
  return countOf(apprenticeshipsQuery(db, scope, f));
}

/** The stages of some apprenticeships, in order. */
export function listStages(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as StageRow[]);
  return db
    .selectFrom('apprenticeshipStage')
    .selectAll()
    .where('apprenticeshipId', 'in', [...ids])
    .orderBy('apprenticeshipId')
    .orderBy('seq')
    .execute();
}

/** Replaces a draft's stages (they carry no completion yet). */
export async function replaceStages(
  trx: Executor,
  apprenticeshipId: string,
  stages: ReadonlyArray<{ title: string; plannedEndOn: string }>,
) {
  await trx.deleteFrom('apprenticeshipStage').where('apprenticeshipId', '=', apprenticeshipId).execute();
  if (stages.length === 0) return;
  await trx
    .insertInto('apprenticeshipStage')
    .values(
      stages.map((s, i) => ({ apprenticeshipId, seq: i + 1, title: s.title, plannedEndOn: s.plannedEndOn })),
    )
    .execute();
}

export async function completeStage(trx: Executor, stageId: string, completedOn: string, note: string) {
  await trx.updateTable('apprenticeshipStage').set({ completedOn, note }).where('id', '=', stageId).execute();
}

export function listApprenticeshipHistory(db: Executor, id: string) {
  return db
    .selectFrom('apprenticeshipEvent')
    .select(['at', 'actorId', 'actorUnitId', 'action', 'comment'])
    .where('apprenticeshipId', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function listApprenticeshipIdsWithFile(db: Executor, fileId: string) {
  const rows = await db.selectFrom('apprenticeship').select('id').where('planFileId', '=', fileId).execute();
  return rows.map((r) => r.id);
}

// ——— Centres ———

export async function insertCentre(trx: Executor, values: Insertable<CooperationCentreTable>) {
  return (await trx.insertInto('cooperationCentre').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

export function findCentre(db: Executor, id: string) {
  return db.selectFrom('cooperationCentre').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface CentreFilter {
  kind?: CentreKind;
  state?: CentreState;
  enterpriseId?: string;
  q?: string;
}

function centresQuery(db: Executor, scope: UnitScope, f: CentreFilter) {
  let q = db.selectFrom('cooperationCentre');
  if (!scope.all) {
    const ids = scope.unitIds;
    q = q.where((eb) =>
      ids.length === 0
        ? eb.val(false)
        : eb.or([eb('schoolId', 'in', [...ids]), sql<boolean>`partner_ids && ${uuids(ids)}::uuid[]`]),
    );
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.enterpriseId) q = q.where(sql<boolean>`${f.enterpriseId}::uuid = ANY(partner_ids)`);
  if (f.q) q = q.where('name', 'like', containsPattern(f.q));
  return q;
}

/** Centres in scope, latest opened first. */
export function listCentres(db: Executor, scope: UnitScope, f: CentreFilter, page: Page) {
  return pageOf(centresQuery(db, scope, f).selectAll().orderBy('openedOn', 'desc').orderBy('name'), page);
}

export function countCentres(db: Executor, scope: UnitScope, f: CentreFilter) {
  return countOf(centresQuery(db, scope, f));
}

/** The projects of some centres, earliest first. */
export function listProjects(db: Executor, centreIds: readonly string[]) {
  if (centreIds.length === 0) return Promise.resolve([] as ProjectRow[]);
  return db
    .selectFrom('cooperationCentreProject')
    .selectAll()
    .where('centreId', 'in', [...centreIds])
    .orderBy('startsOn')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function insertProject(trx: Executor, values: Insertable<CooperationCentreProjectTable>) {
  return (
    await trx.insertInto('cooperationCentreProject').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export function findProject(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('cooperationCentreProject')
    .selectAll()
    .where('id', '=', id)
    .where('centreId', '=', centreId)
    .executeTakeFirst();
}

export async function updateProject(
  trx: Executor,
  id: string,
  values: Omit<Updateable<CooperationCentreProjectTable>, 'id' | 'centreId'>,
) {
  await trx.updateTable('cooperationCentreProject').set(values).where('id', '=', id).execute();
}
