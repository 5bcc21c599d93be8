import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-action-plans.ts';

/** Every migration, in order. One set for PostgreSQL and PGlite alike. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-action-plans': m0002,
};
