import type { Actor } from '../../platform/auth/actor.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { matchesQuery, type SearchGroup, type SearchQuery } from '../../platform/search/search-sources.ts';
import { scopeUnitIds } from './action-plans.policy.ts';
import { findReportRow, listReportEvidence } from './progress.repository.ts';

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
  const evidence = await listReportEvidence(deps.db, scopeUnitIds(actor));
  const files = await findStoredFiles(
    deps.db,
    evidence.map((e) => e.fileId),
  );
  const matching = evidence.filter((e) => matchesQuery(query, files.get(e.fileId)?.name));
  const zh = query.lang === 'zh';
  const hits = await Promise.all(
    matching.slice(0, query.limit).map(async (e) => {
      const report = await findReportRow(deps.db, e.reportId);
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
    }),
  );
  return [{ kind: 'document', total: matching.length, hits }];
}
