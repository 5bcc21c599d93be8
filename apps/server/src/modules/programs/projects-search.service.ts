import { PROJECT_KIND_LABELS, PROJECT_STATE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { SearchGroup, SearchQuery } from '../../platform/search/search-sources.ts';
import { countProjectsInScope } from './projects.repository.ts';
import { listProjects } from './projects.service.ts';

/**
 * Search source `programs`: recognised projects (立项项目) by title, through the project list's
 * own query (`listProjects`: the schools in the actor's scope, every state the list shows).
 */
export async function searchProjects(
  deps: ModuleDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('program.read')) return [];
  const filter = { q: query.text };
  const [items, total] = await Promise.all([
    listProjects(deps, actor, { ...filter, limit: query.limit, offset: 0 }),
    countProjectsInScope(deps.db, actor, filter),
  ]);
  const lang = query.lang;
  return [
    {
      kind: 'project',
      total,
      hits: items.map((p) => ({
        kind: 'project' as const,
        id: p.id,
        title: p.title,
        subtitle: `${PROJECT_KIND_LABELS[p.kind][lang]} · ${PROJECT_STATE_LABELS[p.state][lang]}`,
        unitName: p.school.name,
        link: `/programs/projects?open=${encodeURIComponent(p.id)}`,
      })),
    },
  ];
}
