/**
 * The learners module (issue 14): the student register (学籍) — cohorts from enrolment
 * registrations, status changes with history, the scoped list — and the credit bank's pure rules.
 * Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as learnerImport from './learner-import.service.ts';
import * as learnersExport from './learners-export.service.ts';
import { learnersDemo } from './learners.demo.ts';
import { learnerRoutes } from './learners.routes.ts';
import * as register from './register.service.ts';
import * as unmask from './unmask.service.ts';

/** The module's use cases, bound to its dependencies: `services.learners.register.listLearners(actor, query)`. */
function createLearnersServices(deps: ModuleDeps) {
  return {
    register: bindUseCases(deps, { ...register, ...unmask }),
    files: bindUseCases(deps, { ...learnerImport, ...learnersExport }),
  };
}

export type LearnersModule = ReturnType<typeof createLearnersServices>;

/** Learners (学籍 and, to come, the credit bank): the register per vocational school. */
export const learnersModule = defineModule({
  key: 'learners',
  create: createLearnersServices,
  routes: learnerRoutes,
  demo: learnersDemo,
});
