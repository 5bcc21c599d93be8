/**
 * The training-bases module (实训基地 and 职教集团, tasks （十四）（十五））: training bases with their
 * owner, partners, majors, stations, equipment, status dates and basis documents; the sessions
 * schools and enterprises book on them, refused outside the opening hours or over capacity, and
 * utilisation per base and year; vocational-education groups with member units and their joint
 * programmes; the metrics that complete T14's and T15's milestones from these records.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import type { OpeningHours } from './booking.rules.ts';
import * as bases from './bases.service.ts';
import * as groups from './groups.service.ts';
import * as sessions from './sessions.service.ts';
import * as exports from './training-bases-export.service.ts';
import { DEFAULT_OPENING_HOURS } from './training-bases.config.ts';
import type { TrainingBasesDeps } from './training-bases.deps.ts';
import { trainingBasesDemo } from './training-bases.demo.ts';
import { TRAINING_BASE_METRIC_DEFINITIONS } from './training-bases.metrics.ts';
import { basesRoutes, groupsRoutes } from './training-bases.routes.ts';

export { trainingBaseEvidence } from './evidence.ts';
export { TRAINING_BASE_METRICS } from './training-bases.metrics.ts';

/** The module's services over the platform, with the opening hours in force (a test may pass its own). */
export function createTrainingBasesServices(deps: ModuleDeps, opening: OpeningHours = DEFAULT_OPENING_HOURS) {
  const own: TrainingBasesDeps = { ...deps, opening };
  return {
    deps: own,
    bases: bindUseCases(own, {
      ...bases,
      ...sessions,
      exportBases: exports.exportBases,
    }),
    groups: bindUseCases(own, groups),
  };
}

export type TrainingBasesModule = ReturnType<typeof createTrainingBasesServices>;

export const trainingBasesModule = defineModule({
  key: 'trainingBases',
  create: (deps) => createTrainingBasesServices(deps),
  metrics: TRAINING_BASE_METRIC_DEFINITIONS,
  routes: async (app, options) => {
    await app.register(basesRoutes, options);
    await app.register(groupsRoutes, options);
  },
  attachments: (services) => ({
    training_base: {
      permission: 'trainingBase.read',
      readableRecord: services.bases.readableBaseWithFile,
    },
  }),
  demo: trainingBasesDemo,
});
