import { INTERNSHIP_KIND_LABELS, POST_STATE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SearchGroup, SearchQuery } from '../../platform/search/search-sources.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import { countPosts, listPosts } from './posts.service.ts';

/**
 * Search source `internships`: internship posts by title, through the post list's own query
 * (`listPosts`: the enterprise's own posts, the published ones of the district for a placing
 * school, every post for the district-wide readers).
 */
export async function searchPosts(
  deps: InternshipsDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('internship.read')) return [];
  const [{ items }, total] = await Promise.all([
    listPosts(deps, actor, { q: query.text, limit: query.limit, offset: 0 }),
    countPosts(deps, actor, { q: query.text }),
  ]);
  const lang = query.lang;
  return [
    {
      kind: 'internship_post',
      total,
      hits: items.map((p) => ({
        kind: 'internship_post' as const,
        id: p.id,
        title: p.title,
        subtitle: `${INTERNSHIP_KIND_LABELS[p.kind][lang]} · ${p.year} · ${POST_STATE_LABELS[p.state][lang]}`,
        unitName: p.enterprise.name,
        link: `/internships/posts/${p.id}`,
      })),
    },
  ];
}
