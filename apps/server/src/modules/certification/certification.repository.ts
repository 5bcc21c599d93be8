/** Certification's tables (Kysely only), over a database or a transaction. */
import type { CertificationState, IncentiveKind } from '@zhijiao/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  CertificationApplicationTable,
  CertificationIncentiveTable,
  CertificationOpinionTable,
  CertificationRecheckTable,
} from './certification.tables.ts';

export type ApplicationRow = Selectable<CertificationApplicationTable>;
export type IncentiveRow = Selectable<CertificationIncentiveTable>;

/** Which applications a list reads: all, a district's, or one enterprise's. */
export type ApplicationScope =
  { all: true } | { all: false; districtId: string | null; enterpriseId: string };

export interface ApplicationFilter {
  year?: number;
  state?: CertificationState;
  enterpriseId?: string;
}

export function findApplication(db: Executor, id: string) {
  return db.selectFrom('certificationApplication').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The application, its row locked until the transaction ends (`SELECT … FOR UPDATE`): a step that
 * decides on it (certify) reads its state and its 会签单 under this lock, so a bureau changing its
 * line meanwhile waits for the decision and then finds the application decided.
 */
export function lockApplication(trx: Executor, id: string) {
  return trx
    .selectFrom('certificationApplication')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findApplicationOfYear(db: Executor, enterpriseId: string, year: number) {
  return db
    .selectFrom('certificationApplication')
    .select('id')
    .where('enterpriseId', '=', enterpriseId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Applications in scope, newest year first, then by enterprise. */
export function listApplications(db: Executor, scope: ApplicationScope, f: ApplicationFilter) {
  let q = db.selectFrom('certificationApplication').selectAll();
  if (!scope.all)
    q = q.where((eb) =>
      eb.or([
        eb('enterpriseId', '=', scope.enterpriseId),
        ...(scope.districtId ? [eb('districtId', '=', scope.districtId)] : []),
      ]),
    );
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  return q.orderBy('year', 'desc').orderBy('appliedOn', 'desc').orderBy('id').limit(1000).execute();
}

/** What an application says when it is filed; the rest waits for the decision. */
export type NewApplication = Pick<
  Insertable<CertificationApplicationTable>,
  'enterpriseId' | 'districtId' | 'year' | 'appliedByUnitId' | 'appliedOn' | 'statement'
>;

/** Files an application (under review, nothing decided yet) at `now`; returns its id. */
export async function insertApplication(db: Executor, values: NewApplication, now: Date): Promise<string> {
  return (
    await db
      .insertInto('certificationApplication')
      .values({
        ...values,
        state: 'submitted',
        decidedOn: null,
        evaluation: null,
        certifiedOn: null,
        validUntil: null,
        revokedOn: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function listOpinions(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('certificationOpinion')
    .selectAll()
    .where('applicationId', 'in', [...applicationIds])
    .execute();
}

/** Writes (or replaces) a bureau's line on the 会签单. */
export async function upsertOpinion(db: Executor, values: Insertable<CertificationOpinionTable>) {
  await db
    .insertInto('certificationOpinion')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['applicationId', 'bureauId']).doUpdateSet({
        opinion: values.opinion,
        comment: values.comment ?? '',
        givenOn: values.givenOn,
        actorId: values.actorId ?? null,
      }),
    )
    .execute();
}

export function listRechecks(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('certificationRecheck')
    .selectAll()
    .where('applicationId', 'in', [...applicationIds])
    .orderBy('checkedOn')
    .execute();
}

export async function insertRecheck(db: Executor, values: Insertable<CertificationRecheckTable>) {
  await db.insertInto('certificationRecheck').values(values).execute();
}

export function listEvents(db: Executor, applicationId: string) {
  return db
    .selectFrom('certificationEvent')
    .select(['at', 'action', 'comment', 'actorId'])
    .where('applicationId', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Certifications (decided `certified` or since revoked) of enterprises, for the date checks. */
export function listCertifications(
  db: Executor,
  f: { enterpriseIds?: readonly string[]; districtId?: string },
) {
  let q = db
    .selectFrom('certificationApplication')
    .selectAll()
    .where('state', 'in', ['certified', 'revoked'])
    .where('certifiedOn', 'is not', null);
  if (f.enterpriseIds) {
    if (f.enterpriseIds.length === 0) return Promise.resolve([]);
    q = q.where('enterpriseId', 'in', [...f.enterpriseIds]);
  }
  if (f.districtId) q = q.where('districtId', '=', f.districtId);
  return q.orderBy('certifiedOn').execute();
}

/**
 * Locks the enterprise's applications until the transaction ends (in id order, so two such
 * transactions never deadlock): an incentive is checked against the certification in force and
 * written under this lock, so a revocation meanwhile waits, or is seen.
 */
export async function lockApplicationsOf(trx: Executor, enterpriseId: string): Promise<void> {
  await trx
    .selectFrom('certificationApplication')
    .select('id')
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function insertIncentive(
  db: Executor,
  values: Insertable<CertificationIncentiveTable>,
): Promise<string> {
  return (
    await db.insertInto('certificationIncentive').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export interface IncentiveFilter {
  year?: number;
  kind?: IncentiveKind;
  enterpriseId?: string;
}

/** Incentives in scope (a district's, or one enterprise's), newest first. */
export function listIncentives(db: Executor, scope: ApplicationScope, f: IncentiveFilter) {
  let q = db.selectFrom('certificationIncentive').selectAll();
  if (!scope.all)
    q = q.where((eb) =>
      eb.or([
        eb('enterpriseId', '=', scope.enterpriseId),
        ...(scope.districtId ? [eb('districtId', '=', scope.districtId)] : []),
      ]),
    );
  if (f.year !== undefined)
    q = q.where('grantedOn', '>=', `${f.year}-01-01`).where('grantedOn', '<=', `${f.year}-12-31`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  return q.orderBy('grantedOn', 'desc').orderBy('createdAt', 'desc').limit(2000).execute();
}

export function findIncentive(db: Executor, id: string) {
  return db.selectFrom('certificationIncentive').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The incentives whose basis document is `fileId` (the file download asks who may read it). */
export function listIncentivesWithFile(db: Executor, fileId: string) {
  return db
    .selectFrom('certificationIncentive')
    .select(['id', 'enterpriseId', 'districtId'])
    .where('basisFileId', '=', fileId)
    .execute();
}
