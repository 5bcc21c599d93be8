import type { AlertAcknowledgementTables } from '../alerts/alert-acknowledgements.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { AuthTables } from '../auth/auth.tables.ts';
import type { CredentialTables } from '../credentials/credentials.tables.ts';
import type { FileTables } from '../files/files.tables.ts';
import type { JobTables } from '../jobs/jobs.tables.ts';
import type { NotificationTables } from '../notifications/notifications.tables.ts';

/**
 * The whole schema as Kysely sees it. The platform declares its own tables here; each module adds
 * its tables from its `<module>.tables.ts` by declaration merging, so the platform never imports a
 * module and every table has exactly one declaring (owning) module:
 *
 * @example
 * declare module '../../platform/db/database.types.ts' {
 *   interface Database extends TeacherTables {}
 * }
 */
export interface Database
  extends
    AuditTables,
    AuthTables,
    CredentialTables,
    FileTables,
    JobTables,
    NotificationTables,
    AlertAcknowledgementTables {}
