/**
 * The cooperation module (校企合作, tasks （十二）（十三）): school–enterprise cooperation agreements,
 * apprenticeships (现代学徒制 / 企业新型学徒制) approved by the school and the enterprise, and the
 * 应用技术协同创新中心 and 教学工厂 schools run with enterprises, with their projects; the numbers the
 * plan reads (centres and factories in operation, apprenticeships under both schemes) and the
 * evidence the 产教融合型企业 certification reads (`cooperationEvidence`).
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as agreements from './agreements.service.ts';
import * as apprenticeships from './apprenticeships.service.ts';
import * as centres from './centres.service.ts';
import { cooperationDemo } from './cooperation.demo.ts';
import { COOPERATION_METRIC_DEFINITIONS } from './cooperation.metrics.ts';
import { agreementRoutes, apprenticeshipRoutes, centreRoutes } from './cooperation.routes.ts';
import { createCooperationTodos } from './cooperation.todos.ts';
import * as search from './cooperation-search.service.ts';

export { cooperationEvidence, type CooperationEvidence } from './cooperation-evidence.ts';
export { COOPERATION_METRICS } from './cooperation.metrics.ts';

/** The module's services over the platform. */
export function createCooperationServices(deps: ModuleDeps) {
  return {
    deps,
    agreements: bindUseCases(deps, agreements),
    apprenticeships: bindUseCases(deps, apprenticeships),
    centres: bindUseCases(deps, centres),
    search: bindUseCases(deps, search),
  };
}

export type CooperationModule = ReturnType<typeof createCooperationServices>;

export const cooperationModule = defineModule({
  key: 'cooperation',
  create: (deps) => createCooperationServices(deps),
  metrics: COOPERATION_METRIC_DEFINITIONS,
  routes: async (app, options) => {
    await app.register(agreementRoutes, options);
    await app.register(apprenticeshipRoutes, options);
    await app.register(centreRoutes, options);
  },
  todoSources: (services) => ({ cooperation: createCooperationTodos(services.deps) }),
  searchSources: (services) => ({
    cooperation: { kinds: ['cooperation_agreement'], search: services.search.searchAgreements },
  }),
  attachments: (services) => ({
    cooperation_agreement: {
      permission: 'cooperation.read',
      readableRecord: services.agreements.readableAgreementWithFile,
    },
    apprenticeship: {
      permission: 'cooperation.read',
      readableRecord: services.apprenticeships.readableApprenticeshipWithFile,
    },
  }),
  demo: cooperationDemo,
});
