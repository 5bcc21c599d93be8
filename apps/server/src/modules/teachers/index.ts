/**
 * The teachers module (教师队伍): the register per school, work history, certificates, practice
 * hours, 双师型 recognition as a workflow, the ratio at any date, the recruitment rule, import and
 * export, metrics and expiry alerts. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as hires from './hires.service.ts';
import * as imports from './import.service.ts';
import * as ratio from './ratio.service.ts';
import * as recognition from './recognition.service.ts';
import * as register from './register.service.ts';
import * as teachersExport from './teachers-export.service.ts';
import * as teachersSearch from './teachers-search.service.ts';
import * as settings from './settings.service.ts';
import { createTeacherAlerts } from './teachers.alerts.ts';
import { teachersDemo } from './teachers.demo.ts';
import { TEACHER_METRIC_DEFINITIONS } from './teachers.metrics.ts';
import { teacherRoutes } from './teachers.routes.ts';
import { createTeacherTodos } from './teachers.todos.ts';

export { TEACHER_METRICS } from './teachers.metrics.ts';

export { dualQualifiedRatio, type RatioTeacher } from './ratio.rules.ts';
export { checkRecruitment } from './recruitment.rules.ts';

/** The module's use cases, bound to its dependencies. */
function createTeachersServices(deps: ModuleDeps) {
  return {
    register: bindUseCases(deps, { ...register, ...teachersExport }),
    imports: bindUseCases(deps, imports),
    recognition: bindUseCases(deps, recognition),
    settings: bindUseCases(deps, settings),
    ratio: bindUseCases(deps, ratio),
    hires: bindUseCases(deps, hires),
    search: bindUseCases(deps, teachersSearch),
  };
}

export type TeachersModule = ReturnType<typeof createTeachersServices>;

/** Teachers (教师队伍): the register, 双师型 recognition and ratio, the recruitment rule. */
export const teachersModule = defineModule({
  key: 'teachers',
  create: createTeachersServices,
  routes: teacherRoutes,
  metrics: TEACHER_METRIC_DEFINITIONS,
  alertSources: (_services, deps) => ({ teachers: createTeacherAlerts(deps) }),
  todoSources: (_services, deps) => ({ teachers: createTeacherTodos(deps) }),
  searchSources: (services) => ({ teachers: { kinds: ['teacher'], search: services.search.searchTeachers } }),
  attachments: (services) => ({
    dq_application: {
      permission: 'teacher.read',
      readableRecord: services.recognition.readableApplicationWithFile,
    },
  }),
  demo: teachersDemo,
});
