import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { createCoursesService } from './courses.service.ts';
import { createMajorsService } from './majors.service.ts';
import { majorsRoutes } from './majors.routes.ts';
import { createProjectsService } from './projects.service.ts';
import { projectsRoutes } from './projects.routes.ts';
import { createResourcesService } from './resources.service.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { createSettingsService } from './settings.service.ts';

export { registerProgramMetrics, PROJECT_COUNT_METRICS } from './programs.metrics.ts';
export { loadProgramsDemo } from './programs.demo.ts';

/**
 * Wires the programs module (专业与课程): majors and the catalogue, courses and textbooks,
 * recognised projects, the teaching resource library, settings. `dataDir` is where the file
 * store keeps uploads (resources are served from there after their own visibility check).
 */
export function createProgramsModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  dataDir: string;
  /** Called after a write that can move a plan's numbers (computed indicators read them). */
  onWrite?: () => void;
}) {
  const base = { db: deps.db, audit: deps.audit, clock: deps.clock };
  const writes = { ...base, onWrite: deps.onWrite };
  return {
    majors: createMajorsService(writes),
    courses: createCoursesService(base),
    projects: createProjectsService(writes),
    resources: createResourcesService({ ...writes, dataDir: deps.dataDir }),
    settings: createSettingsService(base),
  };
}

export type ProgramsModule = ReturnType<typeof createProgramsModule>;

/** Every route of the module, as one plugin. */
export const programsRoutes: FastifyPluginAsyncTypebox<{ programs: ProgramsModule }> = async (
  app,
  { programs },
) => {
  await app.register(majorsRoutes, programs);
  await app.register(projectsRoutes, programs);
  await app.register(resourcesRoutes, programs);
};
