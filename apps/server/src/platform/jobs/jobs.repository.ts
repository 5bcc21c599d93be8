import type { Executor } from '../db/database.ts';

/** One job row, or undefined. */
export function findJobById(db: Executor, id: string) {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}
