import { INDUSTRY_SECTIONS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SearchGroup, SearchQuery } from '../../platform/search/search-sources.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { listEnterprises } from './read.service.ts';

/**
 * Search source `enterprises`: enterprises by registered name or 统一社会信用代码 through the
 * register's own list (`listEnterprises`: an enterprise finds only itself, others their district),
 * so a hit is exactly a row the actor's register shows. A hit names the enterprise, its code and
 * its industry — never a contact.
 */
export async function searchEnterprises(
  deps: EnterprisesDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('enterprise.read')) return [];
  const { items, total } = await listEnterprises(deps, actor, {
    q: query.text,
    limit: query.limit,
    offset: 0,
  });
  const zh = query.lang === 'zh';
  return [
    {
      kind: 'enterprise',
      total,
      hits: items.map((e) => ({
        kind: 'enterprise' as const,
        id: e.id,
        title: e.legalName,
        subtitle: [
          zh ? '企业' : 'Enterprise',
          e.uscc,
          INDUSTRY_SECTIONS.find((s) => s.code === e.industrySection)?.[query.lang] ?? '',
        ]
          .filter(Boolean)
          .join(' · '),
        unitName: e.name,
        link: `/enterprises/${e.id}`,
      })),
    },
  ];
}
