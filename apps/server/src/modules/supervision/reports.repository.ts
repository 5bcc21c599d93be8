import type { Executor } from '../../platform/db/database.ts';

/** SQL of the reports published to the portal (supervision_publication). */

export interface Publication {
  inspectionId: string;
  districtId: string;
  title: string;
  kind: string;
  /** The report in both languages, without personal data. */
  document: unknown;
  publishedBy: string;
  publishedAt: Date;
}

/** Publishes an inspection's report, replacing an earlier publication of it; returns its id. */
export async function upsertPublication(trx: Executor, p: Publication): Promise<string> {
  const document = JSON.stringify(p.document);
  const row = await trx
    .insertInto('supervisionPublication')
    .values({ ...p, document })
    .onConflict((oc) =>
      oc.column('inspectionId').doUpdateSet({
        title: p.title,
        document,
        publishedBy: p.publishedBy,
        publishedAt: p.publishedAt,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Published reports, newest first (districts are named by the caller). */
export function listPublications(
  db: Executor,
  page: { limit: number; offset: number; titlePattern?: string },
) {
  let q = db
    .selectFrom('supervisionPublication')
    .select(['id', 'title', 'kind', 'publishedAt', 'districtId']);
  if (page.titlePattern) q = q.where('title', 'ilike', page.titlePattern);
  return q.orderBy('publishedAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export function findPublication(db: Executor, id: string) {
  return db
    .selectFrom('supervisionPublication')
    .select(['id', 'title', 'kind', 'publishedAt', 'document', 'districtId'])
    .where('id', '=', id)
    .executeTakeFirst();
}
