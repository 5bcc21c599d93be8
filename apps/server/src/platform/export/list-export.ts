import { auditActorOf, type Actor } from '../auth/actor.ts';
import { chinaDate } from '../clock/clock.ts';
import { MEDIA_TYPES, type FileAnswer } from '../http/file-reply.ts';
import type { ModuleDeps } from '../modules/module-definition.ts';
import {
  writeXlsx,
  type ExportColumn,
  type ExportFilter,
  type ExportLocale,
  type ExportSheet,
  type ExtraSheet,
} from './xlsx-export.ts';

/** The value of a yes/no filter that is on. */
export const YES = { zh: '是', en: 'yes' } as const;

/**
 * The paging an export passes to its list's query: every row of the filter in one file, since the
 * list's page size does not apply to an export.
 *
 * @example const rows = await listOrders(deps, actor, { ...filter, ...ALL_ROWS });
 */
export const ALL_ROWS = { limit: 100_000, offset: 0 } as const;

/**
 * Names org units by id — the org module's `unitRefsByIds`, handed in because the platform never
 * imports a module. Ids it does not know are absent from the map.
 */
export type UnitNames = (ids: readonly (string | null)[]) => Promise<ReadonlyMap<string, { name: string }>>;

/** A filter that names an org unit by id (`责任单位`, `学校`): `exportList` looks its name up. */
export interface UnitFilter {
  label: ExportFilter['label'];
  unitId: string;
}

/** What a module's export use case hands to `exportList`: the rows its list query found, and how to show them. */
export interface ListExport<Row> extends Omit<
  ExportSheet<Row>,
  'exportedAt' | 'rows' | 'unitName' | 'filters'
> {
  /** The module key; the audit action is `<module>.export`. */
  module: string;
  /** Which list (the audit row's object type), e.g. `rectification_order`. */
  list: string;
  rows: readonly Row[];
  /** The filters as the title block names them; a unit filter by id is named by `unitNames`. */
  filters: ReadonlyArray<ExportFilter | UnitFilter>;
  /** The filters as the request gave them, kept in the audit row. */
  query: Record<string, unknown>;
  /** Names the actor's unit (the title block) and the units the filters name. */
  unitNames: UnitNames;
  /** Sheets after the list's (a summary, a note on the columns), under the same title block. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  moreSheets?: readonly ExtraSheet<any>[];
}

/**
 * Takes a list out of the system as .xlsx: writes the audit row (`<module>.export`, the list, the
 * row count and the filters — SECURITY.md: every export is audited) and answers the file, named
 * after the list and the China date. The rows must come from the list's own service query, so the
 * export sees exactly what the actor's list shows. The title block names the actor's unit and every
 * unit filter by the unit's name, found by id — not from the rows, which may be none.
 *
 * @example return exportList(deps, actor, { module: 'supervision', list: 'rectification_order', title,
 *   filters: [{ label, unitId }], query, columns, rows: items, unitNames: unitNamesIn(deps.db) });
 */
export async function exportList<Row>(
  deps: Pick<ModuleDeps, 'audit' | 'clock' | 'transaction'>,
  actor: Actor,
  spec: ListExport<Row>,
): Promise<FileAnswer> {
  const exportedAt = deps.clock.now();
  const unitIds = spec.filters.flatMap((f) => ('unitId' in f ? [f.unitId] : []));
  const units = await spec.unitNames([actor.orgUnitId, ...unitIds]);
  const filters = spec.filters.map((f): ExportFilter =>
    'unitId' in f ? { label: f.label, value: units.get(f.unitId)?.name ?? f.unitId } : f,
  );
  await deps.transaction(
    (trx) =>
      deps.audit.record(trx, auditActorOf(actor), {
        action: `${spec.module}.export`,
        objectType: spec.list,
        details: { rows: spec.rows.length, filter: spec.query },
      }),
    { records: false },
  );
  return {
    body: writeXlsx(
      { ...spec, filters, unitName: units.get(actor.orgUnitId)?.name ?? '', exportedAt },
      spec.moreSheets,
    ),
    mediaType: MEDIA_TYPES.xlsx,
    filename: `${spec.title.zh}-${chinaDate(exportedAt)}.xlsx`,
  };
}

export type { ExportColumn, ExportFilter, ExportLocale, ExtraSheet };
export { daysLateColumn, tierColumn } from './columns.ts';
