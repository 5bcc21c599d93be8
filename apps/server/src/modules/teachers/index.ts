/**
 * The teachers module (教师队伍): the register per school, work history, certificates, practice
 * hours, 双师型 recognition as a workflow, the ratio at any date, the recruitment rule, import and
 * export, metrics and expiry alerts. Other modules import only from here.
 */
import type { Kysely } from 'kysely';
import type { AlertSources } from '../../platform/alerts/alert-sources.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { createHiresService } from './hires.service.ts';
import { createImportService } from './import.service.ts';
import { createRatioService } from './ratio.service.ts';
import { createRecognitionService } from './recognition.service.ts';
import { createRegisterService } from './register.service.ts';
import { createSettingsService } from './settings.service.ts';
import { createTeacherAlerts } from './teachers.alerts.ts';

export { teacherRoutes } from './teachers.routes.ts';
export { registerTeacherMetrics, TEACHER_METRICS } from './teachers.metrics.ts';
export { dualQualifiedRatio, type RatioTeacher } from './ratio.rules.ts';
export { checkRecruitment } from './recruitment.rules.ts';
export { loadTeacherDemo } from './teachers.demo.ts';

/** Wires the module's services (one factory, no container) and registers its alert source. */
export function createTeachersModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  uploadMaxBytes: number;
  alertSources?: AlertSources;
}) {
  const { db, audit, clock, crypto } = deps;
  const register = createRegisterService({ db, audit, clock, crypto });
  deps.alertSources?.register('teachers', createTeacherAlerts({ db }));
  return {
    register,
    imports: createImportService({ db, audit, clock, crypto, register, maxBytes: deps.uploadMaxBytes }),
    recognition: createRecognitionService({ db, audit, clock }),
    settings: createSettingsService({ db, audit, clock }),
    ratio: createRatioService({ db, clock }),
    hires: createHiresService({ db, audit, clock }),
  };
}

export type TeachersModule = ReturnType<typeof createTeachersModule>;
