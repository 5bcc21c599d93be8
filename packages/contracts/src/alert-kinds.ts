import { CONSULTATION_ALERT_KINDS } from './consultation.ts';
import { ENROLLMENT_ALERT_KINDS } from './enrollment.ts';
import { ALERT_KINDS } from './enums.ts';
import { PROJECT_ALERT_KINDS } from './programs.ts';
import { SUPERVISION_ALERT_KINDS } from './supervision.ts';
import { TEACHER_ALERT_KINDS } from './teachers.ts';

/**
 * Every alert kind by the source (module) that raises it, as /api/alerts sends `source` and
 * `kind`. The web names each kind (`alerts.kind.<kind>`); its dictionary test walks this list.
 */
export const ALERT_KINDS_BY_SOURCE = {
  plan: ALERT_KINDS,
  supervision: SUPERVISION_ALERT_KINDS,
  'joint-meetings': ['action_item_due', 'action_item_overdue', 'remarks_missing'],
  teachers: TEACHER_ALERT_KINDS,
  enrollment: ENROLLMENT_ALERT_KINDS,
  programs: PROJECT_ALERT_KINDS,
  consultation: CONSULTATION_ALERT_KINDS,
} as const satisfies Record<string, readonly string[]>;
