/**
 * The teachers module (教师队伍): the register per school, work history, certificates, practice
 * hours, 双师型 recognition as a workflow, the ratio at any date, the recruitment rule, import and
 * export, metrics and expiry alerts. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createHiresService } from './hires.service.ts';
import { createImportService } from './import.service.ts';
import { createRatioService } from './ratio.service.ts';
import { createRecognitionService } from './recognition.service.ts';
import { createRegisterService } from './register.service.ts';
import { createSettingsService } from './settings.service.ts';
import { createTeacherAlerts } from './teachers.alerts.ts';

import { teacherRoutes } from './teachers.routes.ts';
import { TEACHER_METRIC_DEFINITIONS } from './teachers.metrics.ts';

export { TEACHER_METRICS } from './teachers.metrics.ts';

export { dualQualifiedRatio, type RatioTeacher } from './ratio.rules.ts';
export { checkRecruitment } from './recruitment.rules.ts';
export { loadTeacherDemo } from './teachers.demo.ts';

/** Wires the module's services (one factory, no container). */
function createTeachersServices(deps: ModuleDeps) {
  const { db, audit, clock, crypto, transaction } = deps;
  const register = createRegisterService({ db, transaction, audit, clock, crypto });
  return {
    register,
    imports: createImportService({
      db,
      transaction,
      audit,
      clock,
      crypto,
      register,
      maxBytes: deps.config.uploadMaxBytes,
    }),
    recognition: createRecognitionService({ db, transaction, audit, clock }),
    settings: createSettingsService({ db, transaction, audit, clock }),
    ratio: createRatioService({ db, clock }),
    hires: createHiresService({ db, transaction, audit, clock }),
  };
}

export type TeachersModule = ReturnType<typeof createTeachersServices>;

/** Teachers (教师队伍): the register, 双师型 recognition and ratio, the recruitment rule. */
export const teachersModule = defineModule({
  key: 'teachers',
  create: createTeachersServices,
  metrics: TEACHER_METRIC_DEFINITIONS,
  alertSources: (_services, deps) => ({ teachers: createTeacherAlerts(deps) }),
  routes: async (app, { services, deps }) => {
    await app.register(teacherRoutes, { teachers: services, maxBytes: deps.config.uploadMaxBytes });
  },
});
