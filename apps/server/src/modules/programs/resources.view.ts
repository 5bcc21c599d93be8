import { inScope, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import { mayReview } from './programs.policy.ts';
import { majorLabel } from './programs.view.ts';
import { listResourcesByIds } from './resources.repository.ts';
import { resourceAbilities } from './resources.workflow.ts';

/** File types a browser shows inline safely (never HTML, SVG or anything scriptable). */
export const PREVIEWABLE_MIME = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Resources by id, in the order given, as the API shows them: school, major and course names,
 * the file's name, size and type (never its id: the file is reached through the resource, whose
 * visibility is checked), usage counters and what the actor may do.
 */
export async function describeResources(db: Executor, actor: Actor, ids: readonly string[]) {
  const rows = await listResourcesByIds(db, ids);
  const [schools, files] = await Promise.all([
    unitRefsByIds(
      db,
      rows.map((r) => r.schoolId),
    ),
    findStoredFiles(
      db,
      rows.map((r) => r.fileId),
    ),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    const file = r && files.get(r.fileId);
    if (!r || !file) return [];
    const abilities = resourceAbilities(actor, r);
    // Another school's major and course are named, not linked: the reader cannot open them.
    const own = inScope(actor, r.schoolId);
    return [
      {
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
          name: file.name,
          sizeBytes: file.sizeBytes,
          mime: file.mime,
          previewable: PREVIEWABLE_MIME.includes(file.mime),
        },
        usage: { previews: r.previews ?? 0, downloads: r.downloads ?? 0 },
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        abilities,
      },
    ];
  });
}
