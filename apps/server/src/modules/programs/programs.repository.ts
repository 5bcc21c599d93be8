import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';

/** SQL condition: `column` (a school id) is in the actor's scope. */
export function inScopeSql(actor: Actor, column: string): RawBuilder<boolean> {
  if (actor.scope.all) return sql<boolean>`true`;
  const ids = [...actor.scope.orgUnitIds];
  if (ids.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} = ANY(${ids}::uuid[])`;
}

/** SQL condition: resources `alias` the actor sees (own schools', or shared in their district). */
export function resourceVisibleSql(actor: Actor, alias: string): RawBuilder<boolean> {
  if (actor.scope.all) return sql<boolean>`true`;
  const own = inScopeSql(actor, `${alias}.school_id`);
  if (!actor.districtId) return own;
  return sql<boolean>`(${own} OR (${sql.ref(`${alias}.share_state`)} = 'shared' AND ${sql.ref(`${alias}.district_id`)} = ${actor.districtId}))`;
}

/** Major with its catalogue name, or undefined. */
export function findMajor(db: Executor, id: string) {
  return db
    .selectFrom('major as m')
    .innerJoin('majorCatalogue as c', (j) =>
      j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
    )
    .selectAll('m')
    .select(['c.name as catalogueName', 'c.categoryCode', 'c.categoryName', 'c.verified'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Majors by id with their catalogue name and direction (to name them). */
export function listMajorNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('major as m')
    .innerJoin('majorCatalogue as c', (j) =>
      j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
    )
    .select(['m.id', 'm.direction', 'c.name as catalogueName'])
    .where('m.id', 'in', [...new Set(ids)])
    .execute();
}

export function findCourse(db: Executor, id: string) {
  return db.selectFrom('course').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Courses by id (to name them). */
export function listCourseNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('course')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
