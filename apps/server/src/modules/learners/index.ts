/**
 * The learners module (issue 14): the student register (学籍) — cohorts from enrolment
 * registrations, the import of earlier students and the export, status changes with history, the
 * scoped list; graduates' destinations (毕业去向); and the credit bank (学分银行): learning outcomes
 * recorded and imported, recognised by the district against its versioned learning-outcome
 * catalogue, each learner's append-only credit account, conversions. Other modules import only
 * from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as catalogue from './catalogue.service.ts';
import * as classAssignment from './class-assignment.service.ts';
import { classAssignmentRoutes } from './class-assignment.routes.ts';
import { conversionRoutes } from './conversion.routes.ts';
import * as conversion from './conversion.service.ts';
import * as creditAccount from './credit-account.service.ts';
import * as creditBankExport from './credit-bank-export.service.ts';
import { creditBankRoutes } from './credit-bank.routes.ts';
import * as destinations from './destinations.service.ts';
import { destinationRoutes } from './destinations.routes.ts';
import { learnerFileRoutes } from './learner-files.routes.ts';
import * as learnerImport from './learner-import.service.ts';
import * as learnersExport from './learners-export.service.ts';
import { learnersDemo } from './learners.demo.ts';
import * as outcomeCredential from './outcome-credential.service.ts';
import { outcomeCredentialRoutes } from './outcome-credential.routes.ts';
import { LEARNER_METRIC_DEFINITIONS } from './learners.metrics.ts';
import { learnerRoutes } from './learners.routes.ts';
import * as onePlusX from './one-plus-x.service.ts';
import { onePlusXRoutes } from './one-plus-x.routes.ts';
import * as outcomeImport from './outcome-import.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';
import * as register from './register.service.ts';
import * as socialLearners from './social-learners.service.ts';
import { socialLearnerRoutes } from './social-learners.routes.ts';
import * as transcriptCredential from './transcript-credential.service.ts';
import { transcriptRoutes } from './transcript.routes.ts';
import * as transcript from './transcript.service.ts';
import * as unmask from './unmask.service.ts';

/** The module's use cases, bound to its dependencies: `services.learners.register.listLearners(actor, query)`. */
function createLearnersServices(deps: ModuleDeps) {
  return {
    register: bindUseCases(deps, { ...register, ...unmask, ...classAssignment, ...socialLearners }),
    destinations: bindUseCases(deps, destinations),
    files: bindUseCases(deps, { ...learnerImport, ...learnersExport, ...creditBankExport }),
    creditBank: bindUseCases(deps, {
      ...outcomes,
      ...review,
      ...outcomeImport,
      ...creditAccount,
      ...catalogue,
    }),
    conversion: bindUseCases(deps, conversion),
    onePlusX: bindUseCases(deps, { onePlusXStatistics: onePlusX.onePlusXStatistics }),
    credentials: bindUseCases(deps, { issueOutcomeCredential: outcomeCredential.issueOutcomeCredential }),
    transcript: bindUseCases(deps, {
      getTranscript: transcript.getTranscript,
      issueTranscriptCredential: transcriptCredential.issueTranscriptCredential,
    }),
  };
}

export { LEARNER_METRICS } from './learners.metrics.ts';

export type LearnersModule = ReturnType<typeof createLearnersServices>;

/** Learners (学籍) and the credit bank (学分银行): the register per vocational school, outcomes, accounts. */
export const learnersModule = defineModule({
  key: 'learners',
  create: createLearnersServices,
  routes: async (app, options) => {
    await app.register(learnerRoutes, options);
    await app.register(classAssignmentRoutes, options);
    await app.register(socialLearnerRoutes, options);
    await app.register(learnerFileRoutes, options);
    await app.register(destinationRoutes, options);
    await app.register(creditBankRoutes, options);
    await app.register(conversionRoutes, options);
    await app.register(outcomeCredentialRoutes, options);
    await app.register(onePlusXRoutes, options);
    await app.register(transcriptRoutes, options);
  },
  demo: learnersDemo,
  metrics: LEARNER_METRIC_DEFINITIONS,
  attachments: (services) => ({
    learning_outcome: {
      permission: 'learner.read',
      readableRecord: services.creditBank.readableOutcomeWithFile,
    },
  }),
});
