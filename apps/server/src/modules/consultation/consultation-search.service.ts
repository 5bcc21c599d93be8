import type { Actor } from '../../platform/auth/actor.ts';
import {
  groupOf,
  matchesQuery,
  type SearchGroup,
  type SearchQuery,
} from '../../platform/search/search-sources.ts';
import type { ConsultationDeps } from './consultation.deps.ts';
import { listConsultations } from './consultation.service.ts';
import { listPublicConsultations } from './public-comments.service.ts';

const STATUS = {
  draft: { zh: '征求意见稿（未发布）', en: 'Draft, not yet open' },
  open: { zh: '正在征求意见', en: 'Open for comment' },
  closed: { zh: '征求意见已结束', en: 'Closed' },
} as const;

/**
 * Search source `consultation`: consultations (征求意见) by title and introduction. The plan's
 * editors (`consultation.manage`) search the editors' list of their district, drafts included;
 * every other account the public list (open and closed ones, as anyone reads them) — so a draft
 * reaches nobody the editors' list would not show it to.
 */
export async function searchConsultations(
  deps: ConsultationDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  const zh = query.lang === 'zh';
  const kind = zh ? '征求意见' : 'Consultation';
  if (actor.permissions.has('consultation.manage')) {
    const rows = (await listConsultations(deps, actor)).filter((c) =>
      matchesQuery(query, c.title, c.description),
    );
    return [
      groupOf('document', query, rows, (c) => ({
        id: c.id,
        title: c.title,
        subtitle: `${kind} · ${STATUS[c.status as keyof typeof STATUS]?.[query.lang] ?? c.status}`,
        unitName: null,
        link: `/consultation/${c.id}`,
      })),
    ];
  }
  const rows = (await listPublicConsultations(deps)).filter((c) =>
    matchesQuery(query, c.title, c.description),
  );
  return [
    groupOf('document', query, rows, (c) => ({
      id: c.id,
      title: c.title,
      subtitle: `${kind} · ${STATUS[c.status as keyof typeof STATUS]?.[query.lang] ?? c.status}`,
      unitName: null,
      link: `/consultations/${c.id}`,
    })),
  ];
}
