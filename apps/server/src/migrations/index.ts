import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-action-plans.ts';
import * as m0003 from './0003-supervision.ts';
import * as m0004 from './0004-joint-meetings.ts';
import * as m0005 from './0005-consultation.ts';
import * as m0006 from './0006-enrollment.ts';
import * as m0007 from './0007-teachers.ts';
import * as m0008 from './0008-programs.ts';
import * as m0009 from './0009-enrollment-lookup-limits.ts';

/** Every migration, in order. One set for PostgreSQL and PGlite alike. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-action-plans': m0002,
  '0003-supervision': m0003,
  '0004-joint-meetings': m0004,
  '0005-consultation': m0005,
  '0006-enrollment': m0006,
  '0007-teachers': m0007,
  '0008-programs': m0008,
  '0009-enrollment-lookup-limits': m0009,
};
