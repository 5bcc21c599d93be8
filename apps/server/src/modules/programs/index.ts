import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createCoursesService } from './courses.service.ts';
import { createMajorsService } from './majors.service.ts';
import { majorsRoutes } from './majors.routes.ts';
import { createProjectsService } from './projects.service.ts';
import { projectsRoutes } from './projects.routes.ts';
import { createResourcesService } from './resources.service.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { createSettingsService } from './settings.service.ts';

import { PROGRAM_METRIC_DEFINITIONS } from './programs.metrics.ts';

export { PROJECT_COUNT_METRICS } from './programs.metrics.ts';
export { loadProgramsDemo } from './programs.demo.ts';

/**
 * Wires the programs module's services. The file store's data directory is where uploads are
 * kept (resources are served from there after their own visibility check).
 */
function createProgramsServices(deps: ModuleDeps) {
  const base = { db: deps.db, audit: deps.audit, clock: deps.clock };
  // Its writes can move computed plan indicators: the plan's cache listens for this module's changes.
  const writes = {
    ...base,
    onWrite: () => deps.events.publish({ type: 'records.changed', module: 'programs' }),
  };
  return {
    majors: createMajorsService(writes),
    courses: createCoursesService(base),
    projects: createProjectsService(writes),
    resources: createResourcesService({ ...writes, dataDir: deps.config.dataDir }),
    settings: createSettingsService(base),
  };
}

export type ProgramsModule = ReturnType<typeof createProgramsServices>;

/** Programs (专业与课程): majors, courses and textbooks, recognised projects, teaching resources. */
export const programsModule = defineModule({
  key: 'programs',
  create: createProgramsServices,
  metrics: PROGRAM_METRIC_DEFINITIONS,
  routes: async (app, { services }) => {
    await app.register(majorsRoutes, services);
    await app.register(projectsRoutes, services);
    await app.register(resourcesRoutes, services);
  },
});
