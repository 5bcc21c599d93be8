import { INSPECTION_KIND_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import {
  containsPattern,
  groupOf,
  type SearchGroup,
  type SearchQuery,
} from '../../platform/search/search-sources.ts';
import { listInspections } from './inspections-read.service.ts';
import { listPublicReports } from './reports.service.ts';

/** As many matches as one page of the inspection list, and of the published reports, holds at most. */
const SEARCHED = { limit: 500, offset: 0 };

/**
 * Search source `supervision`: inspections by title and document number (文号), among those the
 * inspection list shows the actor (`listInspections` with its `q`: the district's, an inspector's
 * own, a unit's that concern it), and the published inspection reports by title (open data, so
 * every account finds them). Both match in SQL.
 */
export async function searchSupervision(
  deps: ModuleDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  const zh = query.lang === 'zh';
  const [inspections, reports] = await Promise.all([
    actor.permissions.has('supervision.read')
      ? listInspections(deps, actor, { ...SEARCHED, q: query.text })
      : [],
    listPublicReports(deps, { ...SEARCHED, titlePattern: containsPattern(query.text) }),
  ]);
  const found = [
    ...inspections.map((i) => ({
      id: i.id,
      title: i.title,
      subtitle: [INSPECTION_KIND_LABELS[i.kind][query.lang], i.documentNumber, `${i.startsOn} – ${i.endsOn}`]
        .filter(Boolean)
        .join(' · '),
      unitName: null,
      link: `/supervision/inspections/${i.id}`,
    })),
    ...reports.map((r) => ({
      id: r.id,
      title: r.title,
      subtitle: zh ? '督导报告（已公开）' : 'Inspection report (published)',
      unitName: r.district.name || null,
      link: `/public/supervision-reports/${r.id}`,
    })),
  ];
  return [groupOf('document', query, found, (hit) => hit)];
}
