import { inScope, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { mayReview, resourceAbilities } from './programs.policy.ts';
import { majorLabel, unitRefs } from './programs.repository.ts';

/** File types a browser shows inline safely (never HTML, SVG or anything scriptable). */
export const PREVIEWABLE_MIME = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function findResource(db: Executor, id: string) {
  return db.selectFrom('teachingResource').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Resources by id, in the order given, as the API shows them: school, major and course names,
 * the file's name, size and type (never its id: the file is reached through the resource, whose
 * visibility is checked), usage counters and what the actor may do.
 */
export async function describeResources(db: Executor, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('teachingResource as r')
    .innerJoin('storedFile as f', 'f.id', 'r.fileId')
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
      'r.shareState',
      'r.sharedOn',
      'r.refusalReason',
      'r.createdAt',
      'r.updatedAt',
      'f.originalName as fileName',
      'f.sizeBytes',
      'f.mime',
      'u.previews',
      'u.downloads',
      'c.name as courseName',
      'm.direction',
      'mc.name as catalogueName',
    ])
    .where('r.id', 'in', [...ids])
    .execute();
  const schools = await unitRefs(
    db,
    rows.map((r) => r.schoolId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => {
      const abilities = resourceAbilities(actor, r);
      // Another school's major and course are named, not linked: the reader cannot open them.
      const own = inScope(actor, r.schoolId);
      return {
        id: r.id,
        school: schools.get(r.schoolId)!,
        major:
          r.majorId && r.catalogueName
            ? {
                id: own ? r.majorId : null,
                name: majorLabel({ catalogueName: r.catalogueName, direction: r.direction ?? '' }),
              }
            : null,
        course: r.courseId ? { id: own ? r.courseId : null, name: r.courseName ?? '' } : null,
        resourceType: r.resourceType,
        licence: r.licence,
        title: r.title,
        description: r.description,
        shareState: r.shareState,
        sharedOn: r.sharedOn,
        // Why sharing was refused: for the school that asked and the reviewers.
        refusalReason: abilities.edit || mayReview(actor, r.districtId) ? r.refusalReason : null,
        file: {
          name: r.fileName,
          sizeBytes: r.sizeBytes,
          mime: r.mime,
          previewable: PREVIEWABLE_MIME.includes(r.mime),
        },
        usage: { previews: r.previews ?? 0, downloads: r.downloads ?? 0 },
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        abilities,
      };
    });
}
