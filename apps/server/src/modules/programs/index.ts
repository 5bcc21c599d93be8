import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as courses from './courses.service.ts';
import * as majors from './majors.service.ts';
import { majorsRoutes } from './majors.routes.ts';
import { programsDemo } from './programs.demo.ts';
import { createProjectAlerts } from './projects.alerts.ts';
import { PROGRAM_METRIC_DEFINITIONS } from './programs.metrics.ts';
import * as projectsExport from './projects-export.service.ts';
import * as projects from './projects.service.ts';
import * as projectsSearch from './projects-search.service.ts';
import { projectsRoutes } from './projects.routes.ts';
import * as resources from './resources.service.ts';
import { resourcesRoutes } from './resources.routes.ts';
import * as settings from './settings.service.ts';
import { createProjectTodos } from './projects.todos.ts';

export { PROJECT_COUNT_METRICS } from './programs.metrics.ts';
export { catalogueNamesByCode } from './majors.repository.ts';
export { coDevelopedCoursesByYear } from './course-partners.ts';
export { tinyPdf } from './tiny-pdf.ts';

function createProgramsServices(deps: ModuleDeps) {
  return {
    majors: bindUseCases(deps, majors),
    courses: bindUseCases(deps, courses),
    projects: bindUseCases(deps, { ...projects, ...projectsExport }),
    resources: bindUseCases(deps, resources),
    settings: bindUseCases(deps, settings),
    search: bindUseCases(deps, projectsSearch),
  };
}

export type ProgramsModule = ReturnType<typeof createProgramsServices>;

/** Programs (专业与课程): majors, courses and textbooks, recognised projects, teaching resources. */
export const programsModule = defineModule({
  key: 'programs',
  create: createProgramsServices,
  metrics: PROGRAM_METRIC_DEFINITIONS,
  routes: async (app, options) => {
    await app.register(majorsRoutes, options);
    await app.register(projectsRoutes, options);
    await app.register(resourcesRoutes, options);
  },
  alertSources: (_services, deps) => ({ programs: createProjectAlerts(deps) }),
  todoSources: (_services, deps) => ({ programs: createProjectTodos(deps) }),
  searchSources: (services) => ({ programs: { kinds: ['project'], search: services.search.searchProjects } }),
  // Teaching resources are served by their own routes, which count and audit each use.
  attachments: (services) => ({
    program_project: {
      permission: 'program.read',
      readableRecord: services.projects.readableProjectWithFile,
    },
  }),
  demo: programsDemo,
});
