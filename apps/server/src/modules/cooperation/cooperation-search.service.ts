import { AGREEMENT_STATUS_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SearchGroup, SearchQuery } from '../../platform/search/search-sources.ts';
import { listAgreements } from './agreements.service.ts';
import type { CooperationDeps } from './cooperation.deps.ts';

/**
 * Search source `cooperation`: agreements by title, through the agreement list's own query (the
 * school's own, those an enterprise is party to, every one for the district-wide readers).
 */
export async function searchAgreements(
  deps: CooperationDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('cooperation.read')) return [];
  const { items, total } = await listAgreements(deps, actor, {
    q: query.text,
    limit: query.limit,
    offset: 0,
  });
  const lang = query.lang;
  return [
    {
      kind: 'cooperation_agreement',
      total,
      hits: items.map((a) => ({
        kind: 'cooperation_agreement' as const,
        id: a.id,
        title: a.title,
        subtitle: `${a.enterprise.name} · ${a.startsOn} – ${a.endsOn} · ${AGREEMENT_STATUS_LABELS[a.status][lang]}`,
        unitName: a.school.name,
        link: `/cooperation/agreements/${a.id}`,
      })),
    },
  ];
}
