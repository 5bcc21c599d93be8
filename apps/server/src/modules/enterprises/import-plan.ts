import type { Executor } from '../../platform/db/database.ts';
import { listOrgUnitInfo, type OrgUnitInfo } from '../org/index.ts';
import { checkDivision, checkUscc } from './enterprise-input.ts';
import type { RegisterRow, RowProblem } from './enterprises-file.ts';
import { listEnterprisesByUscc, registeredIds } from './enterprises.repository.ts';
import type { EnterpriseTable } from './enterprises.tables.ts';

/** An enterprise the import registers: from its first row that names it, linked to a bare unit of that name if any. */
export interface NewEnterprise {
  uscc: string;
  legalName: string;
  industrySection: string;
  industryDivision: string;
  address: string;
  link: OrgUnitInfo | null;
}

/** A row ready to write, with its normalised code. */
export type PlannedRow = RegisterRow & { uscc: string };

/**
 * Checks parsed rows against the register and each other, adding every problem to `problems`: the
 * 统一社会信用代码 part by part (with the position of the error), an enterprise and year twice, an
 * enterprise of another district's register, and an enterprise not on the register without the
 * registered name and a known 行业代码 to register it with (then it is registered, linked to an
 * enterprise unit of the district of that name that has no register entry yet). Returns what to write.
 */
export async function planImport(
  db: Executor,
  districtId: string,
  rows: readonly RegisterRow[],
  problems: RowProblem[],
) {
  const add = (p: RowProblem) => problems.push(p);
  const planned: PlannedRow[] = [];
  for (const r of rows) {
    const code = checkUscc('uscc', r.uscc);
    if (code.ok) planned.push({ ...r, uscc: code.uscc });
    else add({ row: r.row, ...code.problem });
  }
  const existing = new Map(
    (await listEnterprisesByUscc(db, [...new Set(planned.map((r) => r.uscc))])).map((e) => [e.uscc, e]),
  );
  const seen = new Map<string, number>();
  const firstRowOf = new Map<string, PlannedRow>();
  for (const r of planned) {
    const key = `${r.uscc}|${r.year}`;
    const first = seen.get(key);
    if (first)
      add({
        row: r.row,
        field: 'uscc',
        code: 'DUPLICATE',
        message: `该企业 ${r.year} 年的数据与第 ${first} 行重复`,
        messageEn: `This enterprise’s ${r.year} figures repeat row ${first}`,
      });
    else seen.set(key, r.row);
    const e = existing.get(r.uscc);
    if (e && e.districtId !== districtId)
      add({
        row: r.row,
        field: 'uscc',
        code: 'ENTERPRISE_OTHER_DISTRICT',
        message: `统一社会信用代码 ${r.uscc} 的企业属于其他区县的名录`,
        messageEn: `The enterprise with the code ${r.uscc} is on another district’s register`,
      });
    if (!e && (r.legalName || r.industryDivision) && !firstRowOf.has(r.uscc)) firstRowOf.set(r.uscc, r);
  }
  const bare = await bareUnitsByName(db, districtId);
  const created = new Map<string, NewEnterprise>();
  for (const r of planned) {
    if (existing.has(r.uscc) || created.has(r.uscc)) continue;
    const first = firstRowOf.get(r.uscc);
    if (!first || !first.legalName) {
      add({
        row: r.row,
        field: 'legalName',
        code: 'ENTERPRISE_UNKNOWN',
        message: `名录中没有统一社会信用代码为 ${r.uscc} 的企业；填写企业名称和行业代码即可同时登记`,
        messageEn: `No enterprise with the code ${r.uscc} is registered; give its registered name and industry code to register it`,
      });
      continue;
    }
    const industry = checkDivision('industryDivision', first.industryDivision);
    if (!industry.ok) {
      add({ row: first.row, ...industry.problem });
      continue;
    }
    created.set(r.uscc, {
      uscc: r.uscc,
      legalName: first.legalName.trim(),
      industrySection: industry.section,
      industryDivision: industry.division,
      address: first.address.trim(),
      link: bare.get(first.legalName.trim()) ?? null,
    });
  }
  return { planned, existing: existing as Map<string, EnterpriseTable>, created };
}

/** The district's enterprise units with no register entry, by short and full name. */
async function bareUnitsByName(db: Executor, districtId: string) {
  const units = await listOrgUnitInfo(db, { under: districtId, types: ['enterprise'] });
  const registered = await registeredIds(
    db,
    units.map((u) => u.id),
  );
  const byName = new Map<string, OrgUnitInfo>();
  for (const u of units.filter((x) => !registered.has(x.id))) {
    byName.set(u.fullName, u);
    byName.set(u.name, u);
  }
  return byName;
}
