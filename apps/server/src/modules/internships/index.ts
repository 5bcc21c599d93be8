/**
 * The internships module (学生实习, task （十三）): posts enterprises publish, placements schools
 * make on them with the three-party agreement, the consent and the liability insurance on file,
 * the start refused with every reason until all is in order, the attendance log, and the numbers
 * the plan reads (insurance coverage, places offered per enterprise).
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as attendance from './attendance.service.ts';
import * as dutyExport from './duty-table-export.service.ts';
import * as dutyTable from './duty-table.service.ts';
import { createInternshipAlerts } from './internships.alerts.ts';
import { DEFAULT_INTERNSHIP_RULES } from './internships.config.ts';
import { registerStaffCount, type InternshipsDeps, type StaffCountLookup } from './internships.deps.ts';
import { internshipsDemo } from './internships.demo.ts';
import * as exports from './internships-export.service.ts';
import { INTERNSHIP_METRIC_DEFINITIONS } from './internships.metrics.ts';
import { placementsRoutes, postsRoutes } from './internships.routes.ts';
import { createInternshipTodos } from './internships.todos.ts';
import * as life from './placement-life.service.ts';
import * as placements from './placements.service.ts';
import * as search from './posts-search.service.ts';
import * as posts from './posts.service.ts';

export { INTERNSHIP_METRICS, postsOfferedPerEnterprise } from './internships.metrics.ts';
export type { StaffCountLookup } from './internships.deps.ts';
export { internshipDutyOf, longInternsByYear } from './certification-evidence.ts';

/**
 * The module's services over the platform, with the enterprise staff look-up the 10 % share reads
 * (the enterprise register's count for the year; a test may pass its own).
 */
export function createInternshipsServices(
  deps: ModuleDeps,
  staffCount: StaffCountLookup = registerStaffCount,
) {
  const own: InternshipsDeps = { ...deps, staffCount, rules: DEFAULT_INTERNSHIP_RULES };
  return {
    deps: own,
    posts: bindUseCases(own, {
      ...posts,
      ...dutyTable,
      exportPosts: exports.exportPosts,
      exportDutyTable: dutyExport.exportDutyTable,
    }),
    placements: bindUseCases(own, {
      ...placements,
      ...attendance,
      ...life,
      exportPlacements: exports.exportPlacements,
    }),
    search: bindUseCases(own, search),
  };
}

export type InternshipsModule = ReturnType<typeof createInternshipsServices>;

export const internshipsModule = defineModule({
  key: 'internships',
  create: (deps) => createInternshipsServices(deps),
  metrics: INTERNSHIP_METRIC_DEFINITIONS,
  routes: async (app, options) => {
    await app.register(postsRoutes, options);
    await app.register(placementsRoutes, options);
  },
  alertSources: (services) => ({ internships: createInternshipAlerts(services.deps) }),
  todoSources: (services) => ({ internships: createInternshipTodos(services.deps) }),
  searchSources: (services) => ({
    internships: { kinds: ['internship_post'], search: services.search.searchPosts },
  }),
  attachments: (services) => ({
    internship_placement: {
      permission: 'internship.read',
      readableRecord: services.placements.readablePlacementWithFile,
    },
  }),
  demo: internshipsDemo,
});
