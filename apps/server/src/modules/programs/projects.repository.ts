import type { ProjectFileStage, ProjectKind, ProjectLevel, ProjectState } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import { inScopeSql } from './programs.repository.ts';
import type { ProgramProjectTable } from './programs.tables.ts';
import type { ProjectQuery } from './projects.schema.ts';

export type ProjectRow = Selectable<ProgramProjectTable>;

export function findProject(db: Executor, id: string) {
  return db.selectFrom('programProject').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Projects the actor sees, newest first, one page. */
/** The projects of schools in the actor's scope that pass the list's filters (title by `q`, literally). */
function projectsInScope(
  db: Executor,
  actor: Actor,
  f: Omit<Static<typeof ProjectQuery>, 'limit' | 'offset'>,
) {
  let q = db.selectFrom('programProject as p').where(inScopeSql(actor, 'p.school_id'));
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.schoolId) q = q.where('p.schoolId', '=', f.schoolId);
  if (f.q) q = q.where('p.title', 'like', containsPattern(f.q));
  return q;
}

export function listProjectsInScope(db: Executor, actor: Actor, f: Static<typeof ProjectQuery>) {
  return projectsInScope(db, actor, f)
    .selectAll('p')
    .orderBy('p.createdAt', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** How many projects `listProjectsInScope` would list without its page. */
export async function countProjectsInScope(
  db: Executor,
  actor: Actor,
  f: Omit<Static<typeof ProjectQuery>, 'limit' | 'offset'>,
): Promise<number> {
  const row = await projectsInScope(db, actor, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertProject(db: Executor, values: Insertable<ProgramProjectTable>) {
  return db.insertInto('programProject').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Attaches files to a project at a stage (a file attached already stays where it is). */
export async function attachProjectFiles(
  db: Executor,
  projectId: string,
  fileIds: readonly string[],
  stage: ProjectFileStage,
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insertInto('programProjectFile')
    .values([...new Set(fileIds)].map((fileId) => ({ projectId, fileId, stage })))
    .onConflict((oc) => oc.columns(['projectId', 'fileId']).doNothing())
    .execute();
}

export async function deleteProjectFiles(db: Executor, projectId: string): Promise<void> {
  await db.deleteFrom('programProjectFile').where('projectId', '=', projectId).execute();
}

/** Records (or revises) one reviewer's score and opinion of a project. */
export async function upsertProjectScore(
  db: Executor,
  s: { projectId: string; reviewerId: string; score: number; opinion: string; scoredAt: Date },
): Promise<void> {
  await db
    .insertInto('programProjectScore')
    .values(s)
    .onConflict((oc) =>
      oc
        .columns(['projectId', 'reviewerId'])
        .doUpdateSet({ score: s.score, opinion: s.opinion, scoredAt: s.scoredAt }),
    )
    .execute();
}

/** A project's reviews, in the order they were scored. */
export function listProjectScores(db: Executor, projectId: string) {
  return db
    .selectFrom('programProjectScore')
    .selectAll()
    .where('projectId', '=', projectId)
    .orderBy('scoredAt')
    .execute();
}

/** The files of a project with the stage each was attached at. */
export function listProjectFiles(db: Executor, projectId: string) {
  return db
    .selectFrom('programProjectFile')
    .select(['fileId', 'stage'])
    .where('projectId', '=', projectId)
    .execute();
}

/** A project's history, oldest first. */
export function listProjectEvents(db: Executor, projectId: string) {
  return db
    .selectFrom('programProjectEvent')
    .select(['at', 'action', 'comment', 'actorId'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
}

/**
 * Projects of one kind at some levels of the schools `schoolIds`, counted `approved` (立项 by
 * `asOf` and not failed since) or `accepted` (passed 验收 by `asOf`), by date of approval and title.
 */
export async function listCountedProjects(
  db: Executor,
  f: {
    kind: ProjectKind;
    levels: readonly ProjectLevel[];
    count: 'approved' | 'accepted';
    asOf: string;
    schoolIds: readonly string[];
  },
) {
  if (f.schoolIds.length === 0) return [];
  const state =
    f.count === 'accepted'
      ? sql`p.state = 'accepted' AND p.closed_on <= ${f.asOf}::date`
      : sql`p.approved_on <= ${f.asOf}::date AND NOT (p.state = 'failed' AND p.closed_on <= ${f.asOf}::date)`;
  const rows = await sql<{
    id: string;
    title: string;
    level: ProjectLevel;
    state: ProjectState;
    schoolId: string;
  }>`
    SELECT p.id, p.title, p.level, p.state, p.school_id
    FROM program_project p
    WHERE p.kind = ${f.kind} AND p.level = ANY(${[...f.levels]}::text[]) AND ${state}
      AND p.school_id = ANY(${[...f.schoolIds]}::uuid[])
    ORDER BY p.approved_on, p.title, p.id`.execute(db);
  return rows.rows;
}

/** Projects with the stored file `fileId` among their documents. */
export async function listProjectIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('programProjectFile')
    .select('projectId')
    .where('fileId', '=', fileId)
    .execute();
  return rows.map((r) => r.projectId);
}
