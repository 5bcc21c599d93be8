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
} from './xlsx-export.ts';

/** The value of a yes/no filter that is on. */
export const YES = { zh: '是', en: 'yes' } as const;

/** What a module's export use case hands to `exportList`: the rows its list query found, and how to show them. */
export interface ListExport<Row> extends Omit<ExportSheet<Row>, 'exportedAt' | 'rows'> {
  /** The module key; the audit action is `<module>.export`. */
  module: string;
  /** Which list (the audit row's object type), e.g. `rectification_order`. */
  list: string;
  rows: readonly Row[];
  /** The filters as the request gave them, kept in the audit row. */
  query: Record<string, unknown>;
}

/**
 * Takes a list out of the system as .xlsx: writes the audit row (`<module>.export`, the list, the
 * row count and the filters — SECURITY.md: every export is audited) and answers the file, named
 * after the list and the China date. The rows must come from the list's own service query, so the
 * export sees exactly what the actor's list shows.
 *
 * @example return exportList(deps, actor, { module: 'supervision', list: 'rectification_order', title, unitName, filters, query, columns, rows: items });
 */
export async function exportList<Row>(
  deps: Pick<ModuleDeps, 'audit' | 'clock' | 'transaction'>,
  actor: Actor,
  spec: ListExport<Row>,
): Promise<FileAnswer> {
  const exportedAt = deps.clock.now();
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
    body: writeXlsx({ ...spec, exportedAt }),
    mediaType: MEDIA_TYPES.xlsx,
    filename: `${spec.title.zh}-${chinaDate(exportedAt)}.xlsx`,
  };
}

export type { ExportColumn, ExportFilter, ExportLocale };
