/**
 * The enrolment module (统一招生): season set-up, candidates, preferences, matching runs as jobs,
 * results, 报到 and the 职普比 metric. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createCandidatesService } from './candidates.service.ts';
import { createMatchingService } from './matching.service.ts';
import { createPreferencesService } from './preferences.service.ts';
import { createRegistrationService } from './registration.service.ts';
import { createResultsService } from './results.service.ts';
import { createSetupService } from './setup.service.ts';

import { enrollmentSetupRoutes } from './setup.routes.ts';
import { enrollmentResultsRoutes } from './results.routes.ts';
import { enrollmentPublicRoutes } from './public.routes.ts';
import { enrollmentSimulationRoutes } from './simulation.routes.ts';
import { ENROLLMENT_METRIC_DEFINITIONS } from './enrollment.metrics.ts';

export { VOCATIONAL_SHARE_METRIC } from './enrollment.metrics.ts';
export { MATCH_JOB } from './matching.service.ts';

/** Wires the module's services (one factory, no container). */
function createEnrollmentServices(deps: ModuleDeps) {
  const { db, audit, clock, crypto, jobs } = deps;
  const setup = createSetupService({ db, audit, clock });
  return {
    setup,
    candidates: createCandidatesService({
      db,
      audit,
      clock,
      crypto,
      setup,
      maxBytes: deps.config.uploadMaxBytes,
    }),
    preferences: createPreferencesService({ db, audit, clock }),
    matching: createMatchingService({ db, audit, clock, jobs }),
    results: createResultsService({ db, audit, clock, crypto }),
    registration: createRegistrationService({ db, audit, clock, transaction: deps.transaction }),
  };
}

export type EnrollmentModule = ReturnType<typeof createEnrollmentServices>;

/** Unified 中职/普高 enrolment (统一招生): seasons, candidates, preferences, matching, results, 报到, 职普比. */
export const enrollmentModule = defineModule({
  key: 'enrollment',
  create: createEnrollmentServices,
  metrics: ENROLLMENT_METRIC_DEFINITIONS,
  routes: async (app, { services, deps }) => {
    await app.register(enrollmentSetupRoutes, { enrollment: services, maxBytes: deps.config.uploadMaxBytes });
    await app.register(enrollmentResultsRoutes, { enrollment: services, renderer: deps.documents });
    await app.register(enrollmentPublicRoutes, { enrollment: services, renderer: deps.documents });
    await app.register(enrollmentSimulationRoutes, { db: deps.db });
  },
});
