import { ORG_UNIT_TYPE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  groupOf,
  matchesQuery,
  type SearchGroup,
  type SearchQuery,
} from '../../platform/search/search-sources.ts';
import * as repo from './org.repository.ts';
import type { OrgDeps } from './org.service.ts';

/**
 * Search source `org`: org units by name, full name, English name and alias, to the accounts the
 * unit list (`GET /api/org-units`, `org.read`) answers: that list is the whole tree, so this is
 * too. A unit's page is the unit administration for those who keep the tree; for everyone else
 * the plan list, whose dashboards show each unit's tasks.
 */
export async function searchUnits(deps: OrgDeps, actor: Actor, query: SearchQuery): Promise<SearchGroup[]> {
  if (!actor.permissions.has('org.read')) return [];
  const units = await repo.listOrgUnits(deps.db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const matching = units.filter((u) =>
    matchesQuery(query, u.name, u.fullName, u.nameEn, ...(u.aliases ?? []).map((a) => a.name)),
  );
  const link = actor.permissions.has('org.manage') ? '/admin/org-units' : '/plans';
  const zh = query.lang === 'zh';
  return [
    groupOf('unit', query, matching, (u) => ({
      id: u.id,
      title: zh ? u.name : u.nameEn || u.name,
      subtitle: [ORG_UNIT_TYPE_LABELS[u.type][query.lang], zh && u.fullName !== u.name ? u.fullName : '']
        .filter(Boolean)
        .join(' · '),
      unitName: u.parentId ? (byId.get(u.parentId)?.name ?? null) : null,
      link,
    })),
  ];
}
