import type { AuditTables } from '../audit/audit.tables.ts';
import type { AuthTables } from '../auth/auth.tables.ts';
import type { FileTables } from '../files/files.tables.ts';
import type { OrgTables } from '../../modules/org/org.tables.ts';
import type { ActionPlanTables } from '../../modules/action-plans/action-plans.tables.ts';
import type { SupervisionTables } from '../../modules/supervision/supervision.tables.ts';
import type { JointMeetingTables } from '../../modules/joint-meetings/joint-meetings.tables.ts';
import type { ConsultationTables } from '../../modules/consultation/consultation.tables.ts';
import type { EnrollmentTables } from '../../modules/enrollment/enrollment.tables.ts';
import type { TeacherTables } from '../../modules/teachers/teachers.tables.ts';
import type { ProgramTables } from '../../modules/programs/programs.tables.ts';

/** The whole schema as Kysely sees it: each module declares its own tables. */
export interface Database
  extends
    AuditTables,
    AuthTables,
    FileTables,
    OrgTables,
    ActionPlanTables,
    SupervisionTables,
    JointMeetingTables,
    ConsultationTables,
    EnrollmentTables,
    TeacherTables,
    ProgramTables {}
