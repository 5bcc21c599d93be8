import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TeachingResourceTable } from './programs.tables.ts';

export function findResource(db: Executor, id: string) {
  return db.selectFrom('teachingResource').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Resources by id with their usage counters and the names of their course and major. */
export function listResourcesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teachingResource as r')
    .leftJoin('teachingResourceUsage as u', 'u.resourceId', 'r.id')
    .leftJoin('course as c', 'c.id', 'r.courseId')
    .leftJoin('major as m', 'm.id', 'r.majorId')
    .leftJoin('majorCatalogue as mc', (j) =>
      j.onRef('mc.version', '=', 'm.catalogueVersion').onRef('mc.code', '=', 'm.catalogueCode'),
    )
    .select([
      'r.id',
      'r.schoolId',
      'r.districtId',
      'r.majorId',
      'r.courseId',
      'r.resourceType',
      'r.licence',
      'r.title',
      'r.description',
      'r.fileId',
      'r.shareState',
      'r.sharedOn',
      'r.refusalReason',
      'r.createdAt',
      'r.updatedAt',
      'u.previews',
      'u.downloads',
      'c.name as courseName',
      'm.direction',
      'mc.name as catalogueName',
    ])
    .where('r.id', 'in', [...ids])
    .execute();
}

/** Adds a resource with its usage counters at zero. */
export async function insertResource(
  db: Executor,
  values: Insertable<TeachingResourceTable>,
): Promise<string> {
  const { id } = await db
    .insertInto('teachingResource')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('teachingResourceUsage').values({ resourceId: id, lastUsedAt: null }).execute();
  return id;
}

export async function updateResource(
  db: Executor,
  id: string,
  set: Updateable<TeachingResourceTable>,
): Promise<void> {
  await db.updateTable('teachingResource').set(set).where('id', '=', id).execute();
}

/** Deletes a resource (its usage counters go with it). */
export async function deleteResource(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('teachingResource').where('id', '=', id).execute();
}

/** Counts one preview or download of a resource. */
export async function countResourceUse(
  db: Executor,
  resourceId: string,
  use: 'preview' | 'download',
  at: Date,
): Promise<void> {
  const previews = use === 'preview' ? 1 : 0;
  const downloads = use === 'download' ? 1 : 0;
  await db
    .insertInto('teachingResourceUsage')
    .values({ resourceId, previews, downloads, lastUsedAt: at })
    .onConflict((oc) =>
      oc.column('resourceId').doUpdateSet((eb) => ({
        previews: eb('teachingResourceUsage.previews', '+', previews),
        downloads: eb('teachingResourceUsage.downloads', '+', downloads),
        lastUsedAt: at,
      })),
    )
    .execute();
}
