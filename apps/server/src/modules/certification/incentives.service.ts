/*
 * The 组合式激励 ledger: each incentive granted to a certified enterprise — kind (金融 / 财政 / 土地
 * / 信用 / 税收), granting bureau (the acting one; a bank's loan recorded by 区发改科技局 names the
 * bank as grantor), amount in yuan or a measure in words, date, and its basis (a document number
 * and/or an uploaded file). Refused for a date after today, and for an enterprise whose
 * certification is not in force on the grant's date (checked under lock in the grant's transaction). Totals per enterprise, kind and year; export to Excel.
 */
import { INCENTIVE_KIND_LABELS, INCENTIVE_KINDS, type IncentiveKind } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, forbidden } from '../../platform/errors/app-error.ts';
import { exportList, type ExportColumn, type ExportLocale } from '../../platform/export/list-export.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitNamesIn, unitRefsByIds } from '../org/index.ts';
import { actorRoles, today, type CertificationDeps } from './certification.deps.ts';
import { canSeeApplication, mayGrant, scopeOf } from './certification.policy.ts';
import {
  findIncentive,
  insertIncentive,
  listCertifications,
  listIncentives as listRows,
  listIncentivesWithFile,
  listRechecks,
  lockApplicationsOf,
  type IncentiveRow,
} from './certification.repository.ts';
import type { IncentiveBody, IncentiveQuery } from './certification.schema.ts';
import { standingOf } from './certification.view.ts';

type Query = Static<typeof IncentiveQuery>;

/**
 * The certification of `enterpriseId` in force on `date`, as `db` reads it (the grant's
 * transaction): certified on or before it, not expired, not revoked by then. A re-check merely
 * due does not end it (the bureau re-checks or revokes).
 */
async function certificationInForce(
  deps: CertificationDeps,
  db: Executor,
  enterpriseId: string,
  date: string,
) {
  const rows = await listCertifications(db, { enterpriseIds: [enterpriseId] });
  const rechecks = await listRechecks(
    db,
    rows.map((r) => r.id),
  );
  return (
    rows.find((r) => {
      const s = standingOf(
        deps,
        r,
        rechecks.filter((c) => c.applicationId === r.id),
        date,
      );
      return s !== null && (s.standing === 'valid' || s.standing === 'recheck_due');
    }) ?? null
  );
}

/**
 * Records an incentive granted by the actor's bureau: refused for a date after today (400) and,
 * checked in the grant's transaction on the enterprise's applications locked, for a date on
 * which the enterprise was not certified (409).
 */
export async function grantIncentive(
  deps: CertificationDeps,
  actor: Actor,
  input: Static<typeof IncentiveBody>,
) {
  const roles = await actorRoles(deps.db, actor);
  if (!mayGrant(actor, roles)) throw new AppError('CERTIFICATION_NOT_GRANTOR', 403);
  const measure = input.measure.trim();
  const basisNumber = input.basisNumber.trim();
  const amount = input.amount ?? null;
  if (amount === null && !measure)
    throw fieldError(
      'amount',
      'AMOUNT_OR_MEASURE',
      '请填写金额（元）或措施内容',
      'Give the amount (yuan) or describe the measure',
    );
  if (!basisNumber && !input.basisFileId)
    throw fieldError(
      'basisNumber',
      'BASIS_REQUIRED',
      '请填写依据文号或上传依据文件',
      'Give the basis document’s number or upload it',
    );
  if (input.grantedOn > today(deps))
    throw fieldError(
      'grantedOn',
      'IN_FUTURE',
      `激励日期 ${input.grantedOn} 晚于今天，请在实施后登记`,
      `The date ${input.grantedOn} is after today: record the incentive once granted`,
    );
  if (input.basisFileId)
    await checkEvidenceFiles(deps.db, actor, [input.basisFileId], { field: () => 'basisFileId' });
  const id = await deps.transaction(async (trx) => {
    // Checked on the enterprise's applications locked: a revocation meanwhile waits, or is seen.
    await lockApplicationsOf(trx, input.enterpriseId);
    const certification = await certificationInForce(deps, trx, input.enterpriseId, input.grantedOn);
    if (!certification || certification.districtId !== roles.districtId)
      throw new AppError('CERTIFICATION_NOT_CERTIFIED_ON_DATE', 409, [
        {
          field: 'grantedOn',
          code: 'CERTIFICATION_NOT_CERTIFIED_ON_DATE',
          message: `该企业在 ${input.grantedOn} 不是有效的产教融合型企业（未认定、已到期或已撤销）`,
          messageEn: `The enterprise was not a certified industry–education enterprise on ${input.grantedOn} (never certified, expired or revoked)`,
        },
      ]);
    const id = await insertIncentive(trx, {
      enterpriseId: input.enterpriseId,
      applicationId: certification.id,
      districtId: certification.districtId,
      kind: input.kind,
      grantingUnitId: actor.orgUnitId,
      grantor: input.grantor.trim(),
      amount,
      measure,
      grantedOn: input.grantedOn,
      basisNumber,
      basisFileId: input.basisFileId ?? null,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'certification.incentive.granted',
      objectType: 'certification_incentive',
      objectId: id,
      details: { enterpriseId: input.enterpriseId, kind: input.kind, amount, grantedOn: input.grantedOn },
    });
    return id;
  });
  return (await describeIncentives(deps, [(await findIncentive(deps.db, id))!]))[0]!;
}

/** The incentives the actor sees, with totals per enterprise, kind and year. */
export async function listIncentives(deps: CertificationDeps, actor: Actor, query: Query) {
  if (!actor.permissions.has('certification.read')) throw forbidden();
  const roles = await actorRoles(deps.db, actor);
  const rows = (await listRows(deps.db, scopeOf(actor, roles), query)).filter((r) =>
    canSeeApplication(actor, roles, r),
  );
  const items = await describeIncentives(deps, rows);
  return { items, totals: totalsOf(items), abilities: { grant: mayGrant(actor, roles) } };
}

type Item = Awaited<ReturnType<typeof describeIncentives>>[number];

async function describeIncentives(deps: CertificationDeps, rows: readonly IncentiveRow[]) {
  const [units, files] = await Promise.all([
    unitRefsByIds(
      deps.db,
      rows.flatMap((r) => [r.enterpriseId, r.grantingUnitId]),
    ),
    findStoredFiles(
      deps.db,
      rows.flatMap((r) => (r.basisFileId ? [r.basisFileId] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    enterprise: units.get(r.enterpriseId)!,
    applicationId: r.applicationId,
    kind: r.kind,
    grantingUnit: units.get(r.grantingUnitId)!,
    grantor: r.grantor,
    amount: r.amount === null ? null : Number(r.amount),
    measure: r.measure,
    grantedOn: r.grantedOn,
    basisNumber: r.basisNumber,
    basisFile: r.basisFileId ? { id: r.basisFileId, name: files.get(r.basisFileId)?.name ?? '' } : null,
  }));
}

/** Sums in yuan and counts: per enterprise, per kind, per year (measures without an amount count only). */
function totalsOf(items: readonly Item[]) {
  const add = <K extends string | number>(m: Map<K, { count: number; amount: number }>, k: K, i: Item) => {
    const t = m.get(k) ?? { count: 0, amount: 0 };
    t.count += 1;
    t.amount = Math.round((t.amount + (i.amount ?? 0)) * 100) / 100;
    m.set(k, t);
  };
  const byEnterprise = new Map<string, { count: number; amount: number }>();
  const byKind = new Map<IncentiveKind, { count: number; amount: number }>();
  const byYear = new Map<number, { count: number; amount: number }>();
  for (const i of items) {
    add(byEnterprise, i.enterprise.id, i);
    add(byKind, i.kind, i);
    add(byYear, Number(i.grantedOn.slice(0, 4)), i);
  }
  const names = new Map(items.map((i) => [i.enterprise.id, i.enterprise]));
  return {
    count: items.length,
    amount: Math.round(items.reduce((s, i) => s + (i.amount ?? 0), 0) * 100) / 100,
    byEnterprise: [...byEnterprise].map(([id, t]) => ({ enterprise: names.get(id)!, ...t })),
    byKind: INCENTIVE_KINDS.map((kind) => ({ kind, ...(byKind.get(kind) ?? { count: 0, amount: 0 }) })),
    byYear: [...byYear].sort(([a], [b]) => a - b).map(([year, t]) => ({ year, ...t })),
  };
}

const COLUMNS: ExportColumn<Item>[] = [
  { header: { zh: '企业', en: 'Enterprise' }, value: (i) => i.enterprise.name, width: 22 },
  { header: { zh: '激励类型', en: 'Kind' }, value: (i, l) => INCENTIVE_KIND_LABELS[i.kind][l], width: 8 },
  { header: { zh: '实施单位', en: 'Granted by' }, value: (i) => i.grantingUnit.name, width: 16 },
  { header: { zh: '授予机构', en: 'Grantor' }, value: (i) => i.grantor, width: 20 },
  { header: { zh: '金额（元）', en: 'Amount (yuan)' }, value: (i) => i.amount, format: 'number', width: 14 },
  { header: { zh: '措施内容', en: 'Measure' }, value: (i) => i.measure, width: 30 },
  { header: { zh: '日期', en: 'Date' }, value: (i) => i.grantedOn, format: 'date', width: 12 },
  { header: { zh: '依据文号', en: 'Basis document' }, value: (i) => i.basisNumber, width: 24 },
];

/** The ledger as .xlsx, same scope and filters; audited. */
export async function exportIncentives(
  deps: CertificationDeps,
  actor: Actor,
  filter: Query,
  locale: ExportLocale,
) {
  const { items } = await listIncentives(deps, actor, { ...filter });
  const filters = [];
  if (filter.year) filters.push({ label: { zh: '年度', en: 'Year' }, value: String(filter.year) });
  if (filter.kind)
    filters.push({ label: { zh: '激励类型', en: 'Kind' }, value: INCENTIVE_KIND_LABELS[filter.kind] });
  if (filter.enterpriseId)
    filters.push({ label: { zh: '企业', en: 'Enterprise' }, unitId: filter.enterpriseId });
  return exportList(deps, actor, {
    module: 'certification',
    list: 'certification_incentive',
    title: { zh: '产教融合型企业组合式激励台账', en: 'Incentives granted to certified enterprises' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: filter,
    columns: COLUMNS,
    rows: items,
    locale,
  });
}

/** The incentive with `fileId` as its basis that the actor may read (the file download asks). */
export async function readableIncentiveWithFile(deps: CertificationDeps, actor: Actor, fileId: string) {
  const roles = await actorRoles(deps.db, actor);
  const rows = await listIncentivesWithFile(deps.db, fileId);
  return rows.find((r) => canSeeApplication(actor, roles, r))?.id ?? null;
}
