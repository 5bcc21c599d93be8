/**
 * The certification module (产教融合型企业, task （十二）): applications and their joint review
 * (会签), decisions on the criteria of 发改社会〔2019〕590号 measured from Zhijiao's records and kept
 * as a snapshot, yearly re-checks, revocation, and the 组合式激励 ledger. Other modules import only
 * from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as applications from './applications.service.ts';
import { DEFAULT_CERTIFICATION_RULES } from './certification.config.ts';
import { cooperationEvidence } from '../cooperation/index.ts';
import { trainingBaseEvidence } from '../training-bases/index.ts';
import { type CertificationDeps, type EvidenceLookups } from './certification.deps.ts';
import { certificationDemo } from './certification.demo.ts';
import { CERTIFICATION_METRIC_DEFINITIONS } from './certification.metrics.ts';
import { certificationRoutes } from './certification.routes.ts';
import { createCertificationTodos } from './certification.todos.ts';
import * as incentives from './incentives.service.ts';

export { CERTIFICATION_METRICS } from './certification.metrics.ts';
export type {
  CooperationEvidence,
  CooperationEvidenceLookup,
  EvidenceLookups,
  TrainingBaseEvidenceLookup,
} from './certification.deps.ts';

/**
 * The module's services. `lookups`: the cooperation and training-bases modules' evidence
 * functions; the app passes them once those modules are merged (see `EVIDENCE_LOOKUPS` below), a
 * test may pass its own; a missing one leaves its criteria 未接入 / not measured.
 */
export function createCertificationServices(deps: ModuleDeps, lookups: EvidenceLookups = EVIDENCE_LOOKUPS) {
  const own: CertificationDeps = { ...deps, lookups, rules: DEFAULT_CERTIFICATION_RULES };
  return {
    deps: own,
    applications: bindUseCases(own, applications),
    incentives: bindUseCases(own, incentives),
  };
}

/**
 * The cooperation and training-bases modules' evidence (agreements, apprentices, co-built centres
 * and bases), read through their `index.ts`; a test may pass its own look-ups.
 */
export const EVIDENCE_LOOKUPS: EvidenceLookups = {
  cooperation: cooperationEvidence,
  trainingBases: trainingBaseEvidence,
};

export type CertificationModule = ReturnType<typeof createCertificationServices>;

export const certificationModule = defineModule({
  key: 'certification',
  create: (deps) => createCertificationServices(deps),
  metrics: CERTIFICATION_METRIC_DEFINITIONS,
  routes: certificationRoutes,
  todoSources: (services) => ({ certification: createCertificationTodos(services.deps) }),
  attachments: (services) => ({
    certification_incentive: {
      permission: 'certification.read',
      readableRecord: services.incentives.readableIncentiveWithFile,
    },
  }),
  demo: certificationDemo,
});
