import type { Actor } from '../../platform/auth/actor.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { containsPattern, type SearchGroup, type SearchQuery } from '../../platform/search/search-sources.ts';
import { scopeUnitIds } from './action-plans.policy.ts';
import { findReportRows, listReportEvidence } from './progress.repository.ts';

/**
 * Search source `progress-evidence`: the evidence files (佐证材料) of progress reports by file
 * name, among the reports the report list shows the actor (the same scope: their units' reports,
 * every unit's for district-wide roles) — the same reports whose files `GET /api/files/{id}`
 * serves them. A hit links to the report's task, whose page lists its reports and files.
 */
export async function searchEvidence(
  deps: ModuleDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('plan.read')) return [];
  // Matched by name in SQL: only the matching evidence of the scope is read, and only the shown
  // hits' files and reports are looked up (one query each).
  const matching = await listReportEvidence(deps.db, scopeUnitIds(actor), {
    fileNamePattern: containsPattern(query.text),
  });
  const shown = matching.slice(0, query.limit);
  const [files, reports] = await Promise.all([
    findStoredFiles(
      deps.db,
      shown.map((e) => e.fileId),
    ),
    findReportRows(
      deps.db,
      shown.map((e) => e.reportId),
    ),
  ]);
  const zh = query.lang === 'zh';
  const hits = shown.map((e) => {
    const report = reports.get(e.reportId);
    const task = report
      ? `${report.taskLabel} ${zh ? report.taskTitle : report.taskTitleEn || report.taskTitle}`
      : '';
    return {
      kind: 'document' as const,
      id: e.fileId,
      title: files.get(e.fileId)!.name,
      subtitle: [zh ? '进展报告佐证材料' : 'Progress report evidence', task, report?.periodLabel ?? '']
        .filter(Boolean)
        .join(' · '),
      unitName: report?.unitName || null,
      link: report ? `/tasks/${report.taskId}` : '/progress',
    };
  });
  return [{ kind: 'document', total: matching.length, hits }];
}
