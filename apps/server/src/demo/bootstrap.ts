import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/errors/app-error.ts';
import { parseOrgUnitsFile } from '../modules/action-plans/index.ts';
import type { Runtime } from '../runtime.ts';
import { REPO_ROOT } from '../runtime.ts';

const SYSTEM = { id: null, name: 'system', orgUnitId: null, ip: null };

/** Loads an org-unit file (all or nothing); returns how many units were written. */
export async function importOrgUnitsFile(rt: Runtime, file: string): Promise<number> {
  const parsed = parseOrgUnitsFile(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    throw new AppError(
      'PLAN_FILE_INVALID',
      400,
      parsed.errors.map((e) => ({
        line: e.line,
        field: e.path,
        code: e.code,
        message: e.message,
        messageEn: e.messageEn,
      })),
    );
  }
  return rt.database.db
    .transaction()
    .execute((trx) => rt.services.org.units.importOrgUnits(trx, parsed.units, SYSTEM));
}

/** The code of the Shangdang plan (`plans/shangdang/action-plan.yaml`), the demo district's plan. */
export const SHANGDANG_PLAN_CODE = 'shangdang-vet-2020';

export const SHANGDANG_DIR = path.join(REPO_ROOT, 'plans', 'shangdang');

/** True when the database holds no org units yet (a fresh data directory). */
export async function isEmpty(rt: Runtime): Promise<boolean> {
  const row = await rt.database.db.selectFrom('orgUnit').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Loads the Shangdang org units and action plan (idempotent). */
export async function loadShangdangPlan(rt: Runtime) {
  await importOrgUnitsFile(rt, path.join(SHANGDANG_DIR, 'org-units.yaml'));
  return rt.services.plans.imports.importPlan(
    fs.readFileSync(path.join(SHANGDANG_DIR, 'action-plan.yaml'), 'utf8'),
    SYSTEM,
  );
}
