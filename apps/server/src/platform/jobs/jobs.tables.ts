import type { JobState } from '@zhijiao/contracts';
import type { ColumnType, Generated } from 'kysely';

/** jsonb: read as the value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

/** A background job: long work (matching, imports at scale) run in-process after its commit. */
export interface JobTable {
  id: Generated<string>;
  kind: string;
  state: JobState;
  progress: Generated<number>;
  payload: Json<Record<string, unknown>>;
  result: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<JobError | null, string | null, string | null>;
  ownerId: string | null;
  orgUnitId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The process that runs the job (set when it is claimed), e.g. `host:1234:ab12cd`. */
  leaseOwner: Generated<string | null>;
  /** Until when that process holds the job; it renews the lease while it works (migration 0014). */
  leaseExpiresAt: Generated<Date | null>;
}

/** Why a job failed, in both UI languages. */
export interface JobError {
  code: string;
  message: string;
  messageEn: string;
}

/** The job table (created by migration 0006, leases by 0014). */
export interface JobTables {
  job: JobTable;
}
