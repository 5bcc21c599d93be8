/**
 * The org module (组织机构与账号): the org-unit tree (区 → 部门 / 学校 / 企业) with groups and aliases,
 * each actor's scope, and the administration of accounts. Other modules import only from here.
 */
import { ReadCache } from '../../platform/cache/read-cache.ts';
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import { orgRoutes } from './org.routes.ts';
import * as units from './org.service.ts';
import * as orgSearch from './org-search.service.ts';
import * as users from './users.service.ts';

// What other modules read of the org tree (they never query org_unit themselves).
export {
  findDistrictOf,
  findOrgUnitByCode,
  findOrgUnitsByIds,
  listAncestorIds,
  listDistrictsUnder,
  listOrgUnitInfo,
  listOrgUnits,
  listSubtreeIds,
  unitNamesIn,
  unitRefsByIds,
  unitsByCodes,
  type OrgUnitInfo,
  type UnitRef,
} from './org.repository.ts';

/** Scopes stay a minute (the org tree changes rarely) and are dropped when this module writes. */
const SCOPE_TTL_MS = 60_000;

function createOrgServices(deps: ModuleDeps) {
  const scopes = new ReadCache<units.ResolvedScope>(SCOPE_TTL_MS, 5000);
  // The enterprise register creates enterprise units in its own transactions (createEnterpriseUnit).
  deps.events.subscribe(
    'records.changed',
    (e) => (e.module === 'org' || e.module === 'enterprises') && scopes.invalidate(),
  );
  const own = { ...deps, scopes };
  return {
    units: bindUseCases(own, units),
    search: bindUseCases(own, orgSearch),
    users: bindUseCases(own, users),
  };
}

export type OrgServices = ReturnType<typeof createOrgServices>;

export const orgModule = defineModule({
  key: 'org',
  create: createOrgServices,
  routes: orgRoutes,
  searchSources: (services) => ({ org: { kinds: ['unit'], search: services.search.searchUnits } }),
});
