/**
 * The org module (组织机构与账号): the org-unit tree (区 → 部门 / 学校 / 企业) with groups and aliases,
 * each actor's scope, and the administration of accounts. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createOrgService } from './org.service.ts';
import { orgRoutes } from './org.routes.ts';
import { createUsersService } from './users.service.ts';

export type { OrgService } from './org.service.ts';
export type { UsersService } from './users.service.ts';
// What other modules read of the org tree (they never query org_unit themselves).
export {
  findDistrictOf,
  findOrgUnitByCode,
  findOrgUnitsByIds,
  listAncestorIds,
  listOrgUnitInfo,
  listOrgUnits,
  listSubtreeIds,
  unitRefsByIds,
  unitsByCodes,
  type OrgUnitInfo,
  type UnitRef,
} from './org.repository.ts';

function createOrgServices(deps: ModuleDeps) {
  return {
    units: createOrgService(deps),
    users: createUsersService(deps),
  };
}

export type OrgModule = ReturnType<typeof createOrgServices>;

export const orgModule = defineModule({
  key: 'org',
  create: createOrgServices,
  routes: async (app, { services }) => {
    await app.register(orgRoutes, { org: services.units, users: services.users });
  },
});
