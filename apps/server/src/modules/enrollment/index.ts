/**
 * The enrolment module (统一招生): season set-up, candidates, preferences, matching runs as jobs,
 * results, 报到, the quota what-if and the 职普比 metric. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as candidates from './candidates.service.ts';
import { createEnrollmentAlerts } from './enrollment.alerts.ts';
import { enrollmentDemo } from './enrollment.demo.ts';
import * as exports from './enrollment-exports.service.ts';
import { ENROLLMENT_METRIC_DEFINITIONS } from './enrollment.metrics.ts';
import { MATCH_JOB } from './match-job.ts';
import * as matching from './matching.service.ts';
import * as preferences from './preferences.service.ts';
import { enrollmentPublicRoutes } from './public.routes.ts';
import * as registration from './registration.service.ts';
import { enrollmentResultsRoutes } from './results.routes.ts';
import * as results from './results.service.ts';
import { enrollmentSetupRoutes } from './setup.routes.ts';
import * as setup from './setup.service.ts';
import { enrollmentSimulationRoutes } from './simulation.routes.ts';
import * as simulation from './simulation.service.ts';
import { createEnrollmentTodos } from './enrollment.todos.ts';

export { VOCATIONAL_SHARE_METRIC } from './enrollment.metrics.ts';
export { MATCH_JOB } from './match-job.ts';
/**
 * Queries other modules may run on the module's programs (never its tables): a program's season
 * district, admission year, track and school (`listProgramFacts`), and its quota with the
 * candidates registered (报到) at it (`programQuotaAndRegistered`), read live.
 */
export { listProgramFacts, programQuotaAndRegistered } from './enrollment.repository.ts';
/**
 * What the student register (learners) reads of 报到: a season's district and year
 * (`findSeasonFacts`) and a school's registered candidates of a season (`listRegisteredCandidates`;
 * the ID number as its cipher only).
 */
export { findSeasonFacts, listRegisteredCandidates } from './registered-candidates.repository.ts';

/** The module's use cases, bound to its dependencies: `services.enrollment.setup.getSeason(actor, id)`. */
function createEnrollmentServices(deps: ModuleDeps) {
  return {
    setup: bindUseCases(deps, setup),
    candidates: bindUseCases(deps, candidates),
    preferences: bindUseCases(deps, preferences),
    matching: bindUseCases(deps, matching),
    results: bindUseCases(deps, results),
    registration: bindUseCases(deps, registration),
    simulation: bindUseCases(deps, simulation),
    exports: bindUseCases(deps, exports),
  };
}

export type EnrollmentModule = ReturnType<typeof createEnrollmentServices>;

/** Unified 中职/普高 enrolment (统一招生): seasons, candidates, preferences, matching, results, 报到, 职普比. */
export const enrollmentModule = defineModule({
  key: 'enrollment',
  create: createEnrollmentServices,
  metrics: ENROLLMENT_METRIC_DEFINITIONS,
  jobs: (services) => [
    // Another user's match job is visible to whoever may manage the unit's seasons.
    { kind: MATCH_JOB, handler: services.matching.runMatch, permission: 'enrollment.manage' },
  ],
  routes: async (app, options) => {
    await app.register(enrollmentSetupRoutes, options);
    await app.register(enrollmentResultsRoutes, options);
    await app.register(enrollmentPublicRoutes, options);
    await app.register(enrollmentSimulationRoutes, options);
  },
  alertSources: (_services, deps) => ({ enrollment: createEnrollmentAlerts(deps) }),
  todoSources: (_services, deps) => ({ enrollment: createEnrollmentTodos(deps) }),
  demo: enrollmentDemo,
});
