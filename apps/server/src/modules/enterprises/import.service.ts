import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { checkImportFile, refuseImport } from '../../platform/files/import-refusal.ts';
import { unitRefsByIds } from '../org/index.ts';
import { actorUnit, currentYear } from './enterprise-access.ts';
import { buildImportTemplate, readRegisterFile, type RowProblem } from './enterprises-file.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { keepsRegister } from './enterprises.policy.ts';
import * as repo from './enterprises.repository.ts';
import { planImport } from './import-plan.ts';
import { yearRow } from './year-row.ts';

/*
 * Import of the statistics bureau's 规上 list and staff counts from Excel, by the register's
 * keepers. All or nothing: any bad row and nothing is written, every problem listed by row (a code's
 * error with its position). Idempotent: the same file again (by content hash per importing unit)
 * changes nothing, and a row equal to what the register holds changes nothing either. An enterprise
 * not yet on the register is registered from its row (name and 行业代码), its org unit created
 * through the org module, or linked to the district's unit of that name. Every import, also a
 * refused one, writes an audit row.
 */

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
type ImportFile = { buffer: Buffer; filename: string };
type Plan = Awaited<ReturnType<typeof planImport>>;

/**
 * Registers the file's new enterprises, their org units created through the org module in bulk (not
 * yet audited); answers their ids by code and the units made.
 */
async function registerNew(
  deps: EnterprisesDeps,
  trx: Executor,
  actor: Actor,
  plan: Plan,
  districtId: string,
) {
  const districtCode = (await unitRefsByIds(trx, [districtId])).get(districtId)!.code;
  const created = [...plan.created.values()];
  const unlinked = created.filter((e) => !e.link);
  const units = await deps.org.insertEnterpriseUnits(
    trx,
    unlinked.map((e) => ({
      code: `${districtCode}-${e.uscc}`,
      name: e.legalName.slice(0, 60),
      fullName: e.legalName,
      parentId: districtId,
    })),
  );
  const ids = new Map<string, string>();
  for (const e of created) if (e.link) ids.set(e.uscc, e.link.id);
  unlinked.forEach((e, i) => ids.set(e.uscc, units[i]!.id));
  const now = deps.clock.now();
  await repo.insertEnterprises(
    trx,
    created.map(({ link: _link, ...profile }) => ({
      ...profile,
      status: 'active' as const,
      orgUnitId: ids.get(profile.uscc)!,
      districtId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return { ids, units };
}

/** Enterprises whose years `writeYears` reads a query at most (the ids go as one array parameter). */
const YEAR_LOOKUP_CHUNK = 10_000;

/**
 * Writes every row's year unless it equals what the register holds: the years held read in a few
 * queries, the changed ones written in multi-row upserts. Answers how many were updated and unchanged.
 */
async function writeYears(
  deps: EnterprisesDeps,
  trx: Executor,
  actor: Actor,
  plan: Plan,
  ids: ReadonlyMap<string, string>,
) {
  // Only enterprises already on the register can hold years (a year row references its entry).
  const existingIds = [...plan.existing.values()].map((e) => e.orgUnitId);
  const years = [...new Set(plan.planned.map((r) => r.year))];
  const held = new Map<string, Awaited<ReturnType<typeof repo.listYearsIn>>[number]>();
  for (let i = 0; i < existingIds.length; i += YEAR_LOOKUP_CHUNK)
    for (const y of await repo.listYearsIn(trx, existingIds.slice(i, i + YEAR_LOOKUP_CHUNK), years))
      held.set(`${y.enterpriseId}|${y.year}`, y);
  const now = deps.clock.now();
  const counts = { updated: 0, unchanged: 0 };
  const writes: Array<ReturnType<typeof yearRow>> = [];
  for (const r of plan.planned) {
    const id = ids.get(r.uscc)!;
    const old = held.get(`${id}|${r.year}`);
    const before = {
      staff: old?.staff ?? null,
      revenueWan: old?.revenueWan === null || old?.revenueWan === undefined ? null : Number(old.revenueWan),
      listedAboveScale: old?.listedAboveScale ?? null,
    };
    const after = {
      staff: r.staff ?? before.staff,
      revenueWan: r.revenueWan ?? before.revenueWan,
      listedAboveScale: r.listedAboveScale ?? before.listedAboveScale,
    };
    if (
      old &&
      after.staff === before.staff &&
      after.revenueWan === before.revenueWan &&
      after.listedAboveScale === before.listedAboveScale
    ) {
      counts.unchanged++;
      continue;
    }
    const e = plan.existing.get(r.uscc) ?? { orgUnitId: id, ...plan.created.get(r.uscc)! };
    writes.push(yearRow({ ...e, orgUnitId: id }, r.year, after, actor, now));
    counts.updated++;
  }
  await repo.upsertYears(trx, writes);
  return counts;
}

/**
 * Writes a checked file in one transaction: new enterprises, every year, the import row, then the
 * audit rows (one per unit created, one for the import).
 */
async function writeImport(
  deps: EnterprisesDeps,
  actor: Actor,
  input: ImportFile,
  plan: Plan,
  districtId: string,
) {
  return deps.transaction(async (trx) => {
    const fileName = input.filename.slice(0, 200);
    const { ids, units } = await registerNew(deps, trx, actor, plan, districtId);
    for (const e of plan.existing.values()) ids.set(e.uscc, e.orgUnitId);
    const counts = {
      created: ids.size - plan.existing.size,
      ...(await writeYears(deps, trx, actor, plan, ids)),
    };
    const importId = await repo.insertImport(trx, {
      orgUnitId: actor.orgUnitId,
      contentHash: sha256(input.buffer),
      fileName,
      rows: plan.planned.length,
      ...counts,
      importedBy: actor.userId,
      importedAt: deps.clock.now(),
    });
    const years = [...new Set(plan.planned.map((r) => r.year))].sort();
    // The audit rows come last, in this transaction: the chain's lock (one writer at a time, for
    // every request) is held from here to the commit, not through every row of a large file.
    await deps.org.auditEnterpriseUnitsCreated(trx, units, actor);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enterprise.import',
      objectType: 'enterprise_import',
      objectId: importId,
      details: {
        fileName,
        rows: plan.planned.length,
        years,
        ...counts,
        registered: [...plan.created.keys()],
      },
    });
    return { importId, repeated: false, rows: plan.planned.length, ...counts };
  });
}

/** Audits the refused import and throws ENTERPRISE_IMPORT_INVALID with the problems by row. */
function refuse(deps: EnterprisesDeps, actor: Actor, filename: string, problems: RowProblem[]) {
  return refuseImport(deps, actor, {
    code: 'ENTERPRISE_IMPORT_INVALID',
    action: 'enterprise.import',
    objectType: 'enterprise_import',
    details: { fileName: filename.slice(0, 200) },
    problems,
  });
}

/**
 * Imports the 规上 list / staff count file, or throws ENTERPRISE_IMPORT_INVALID with
 * `[{ row, field, code, message, messageEn, position? }]`. Register keepers only (403).
 */
export async function importRegister(deps: EnterprisesDeps, actor: Actor, input: ImportFile) {
  if (!keepsRegister(actor, await actorUnit(deps, actor))) throw forbidden();
  if (!actor.districtId) throw new AppError('ENTERPRISE_NO_DISTRICT', 400);
  checkImportFile(input, deps.config.uploadMaxBytes);
  const previous = await repo.findImportByHash(deps.db, actor.orgUnitId, sha256(input.buffer));
  if (previous) {
    const { id: importId, rows, created, updated, unchanged } = previous;
    return { importId, repeated: true, rows, created, updated, unchanged };
  }
  const { rows, problems } = await readRegisterFile(input.buffer, currentYear(deps));
  if (problems.some((p) => p.row <= 1)) return refuse(deps, actor, input.filename, problems);
  const plan = await planImport(deps.db, actor.districtId, rows, problems);
  if (problems.length > 0) return refuse(deps, actor, input.filename, problems);
  return writeImport(deps, actor, input, plan, actor.districtId);
}

/** The blank import template (.xlsx). */
export function template(_deps: EnterprisesDeps) {
  return buildImportTemplate();
}
