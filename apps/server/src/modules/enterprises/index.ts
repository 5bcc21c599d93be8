/**
 * The enterprises module (企业名录, task （十二）): the register of a district's enterprises keyed by
 * their org units — 统一社会信用代码, industry, staff and 规上 per year with its source, contacts with
 * encrypted phones — its import, export and search; and the pure rules of the 2 % duty (产教融合型
 * certification is the certification module's). Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as contacts from './contacts.service.ts';
import type { EnterpriseUnits } from './enterprises.deps.ts';
import { enterprisesDemo } from './enterprises.demo.ts';
import * as exportsService from './enterprises-export.service.ts';
import { enterpriseRoutes } from './enterprises.routes.ts';
import * as enterprisesSearch from './enterprises-search.service.ts';
import * as imports from './import.service.ts';
import * as read from './read.service.ts';
import * as register from './register.service.ts';
import * as years from './years.service.ts';

export { aboveScaleEnterprises, enterpriseYearFacts, type EnterpriseYearFacts } from './enterprise-reads.ts';
export {
  districtDuty,
  enterpriseDuty,
  type DutyRule,
  type DutyStatus,
  type EnterpriseYear,
} from './duty.rules.ts';
export { registerYearRelation, requiredPostsSql } from './duty.sql.ts';
export { DEFAULT_DUTY_RULE } from './enterprises.config.ts';

/** The module's use cases, bound to its dependencies and the org module's unit creation. */
function createEnterprisesServices(deps: ModuleDeps, modules: { org: { units: EnterpriseUnits } }) {
  const own = { ...deps, org: modules.org.units };
  return {
    read: bindUseCases(own, read),
    register: bindUseCases(own, register),
    years: bindUseCases(own, years),
    contacts: bindUseCases(own, contacts),
    imports: bindUseCases(own, imports),
    exports: bindUseCases(own, exportsService),
    search: bindUseCases(own, enterprisesSearch),
  };
}

export type EnterprisesModule = ReturnType<typeof createEnterprisesServices>;

/** Enterprises (企业名录): the register, its import and export, and the 2 % duty's inputs. */
export const enterprisesModule = defineModule({
  key: 'enterprises',
  needs: ['org'],
  create: createEnterprisesServices,
  routes: enterpriseRoutes,
  searchSources: (services) => ({
    enterprises: { kinds: ['enterprise'], search: services.search.searchEnterprises },
  }),
  demo: enterprisesDemo,
});
