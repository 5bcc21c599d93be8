/**
 * The enrolment module (统一招生): season set-up, candidates, preferences, matching runs as jobs,
 * results, 报到 and the 职普比 metric. Other modules import only from here.
 */
import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { JobRunner } from '../../platform/jobs/index.ts';
import { createCandidatesService } from './candidates.service.ts';
import { createMatchingService } from './matching.service.ts';
import { createPreferencesService } from './preferences.service.ts';
import { createRegistrationService } from './registration.service.ts';
import { createResultsService } from './results.service.ts';
import { createSetupService } from './setup.service.ts';

export { enrollmentSetupRoutes } from './setup.routes.ts';
export { enrollmentResultsRoutes } from './results.routes.ts';
export { enrollmentPublicRoutes } from './public.routes.ts';
export { registerEnrollmentMetrics, VOCATIONAL_SHARE_METRIC } from './enrollment.metrics.ts';
export { MATCH_JOB } from './matching.service.ts';

/** Wires the module's services (one factory, no container). */
export function createEnrollmentModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  jobs: JobRunner;
  uploadMaxBytes: number;
  /** Called after a registration (报到) changes: plan dashboards computing 职普比 drop their cache. */
  onWrite?: () => void;
}) {
  const { db, audit, clock, crypto, jobs } = deps;
  const setup = createSetupService({ db, audit, clock });
  const registration = createRegistrationService({ db, audit, clock });
  return {
    setup,
    candidates: createCandidatesService({ db, audit, clock, crypto, setup, maxBytes: deps.uploadMaxBytes }),
    preferences: createPreferencesService({ db, audit, clock }),
    matching: createMatchingService({ db, audit, clock, jobs }),
    results: createResultsService({ db, audit, clock, crypto }),
    registration: {
      ...registration,
      async recordRegistration(...args: Parameters<typeof registration.recordRegistration>) {
        const result = await registration.recordRegistration(...args);
        deps.onWrite?.();
        return result;
      },
    },
  };
}

export type EnrollmentModule = ReturnType<typeof createEnrollmentModule>;
