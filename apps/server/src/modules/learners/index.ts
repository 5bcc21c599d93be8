/**
 * The learners module (issue 14): the student register (学籍) — cohorts from enrolment
 * registrations, the import of earlier students and the export, status changes with history, the
 * scoped list — graduates' destinations (毕业去向), and the credit bank's pure rules.
 * Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as destinations from './destinations.service.ts';
import { destinationRoutes } from './destinations.routes.ts';
import { learnerFileRoutes } from './learner-files.routes.ts';
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
    destinations: bindUseCases(deps, destinations),
    files: bindUseCases(deps, { ...learnerImport, ...learnersExport }),
  };
}

export type LearnersModule = ReturnType<typeof createLearnersServices>;

/** Learners (学籍 and, to come, the credit bank): the register per vocational school. */
export const learnersModule = defineModule({
  key: 'learners',
  create: createLearnersServices,
  routes: async (app, options) => {
    await app.register(learnerRoutes, options);
    await app.register(learnerFileRoutes, options);
    await app.register(destinationRoutes, options);
  },
  demo: learnersDemo,
});
