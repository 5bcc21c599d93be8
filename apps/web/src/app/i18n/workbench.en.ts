import type { workbenchZh } from './workbench.zh';

/** The workbench and its todos: English strings, the same keys as `workbench.zh.ts`. */
export const workbenchEn: Record<keyof typeof workbenchZh, string> = {
  'workbench.nav': 'Workbench',
  'workbench.title': 'Workbench',
  'workbench.todos': 'My todos',
  'workbench.total': '{n} todos',
  'workbench.empty': 'Nothing waiting',
  'workbench.emptyHint': 'Nothing waits for you or your unit now; new work will appear here.',
  'workbench.overdue': '{n} days overdue',
  'workbench.daysLeft': '{n} days left',
  'workbench.dueToday': 'Due today',
  'workbench.noDeadline': 'No deadline',
  'workbench.dueOn': 'Due {date}',
  'workbench.count': '{n} records',
  'workbench.unavailable':
    'The todos of {modules} could not be read just now; refresh later. The others are below.',
  'workbench.go': 'Open',
  'workbench.dashboard': 'Plan dashboard',
  'workbench.source.action-plans': 'Action plan',
  'workbench.source.supervision': 'Supervision',
  'workbench.source.joint-meetings': 'Joint meetings',
  'workbench.source.consultation': 'Consultation',
  'workbench.source.teachers': 'Teachers',
  'workbench.source.enrollment': 'Enrolment',
  'workbench.source.programs': 'Programs',
  'workbench.source.internships': 'Internships',
};
