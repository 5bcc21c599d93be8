import type { ProjectKind, ProjectLevel, ProjectState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { mayReview, projectAbilities } from './programs.policy.ts';
import { inScopeSql, majorLabel, unitRefs } from './programs.repository.ts';
import type { ProgramProjectTable } from './programs.tables.ts';
import type { Selectable } from 'kysely';

export type ProjectRow = Selectable<ProgramProjectTable>;

export interface ProjectFilter {
  kind?: ProjectKind;
  level?: ProjectLevel;
  state?: ProjectState;
  schoolId?: string;
  limit: number;
  offset: number;
}

export function findProject(db: Executor, id: string) {
  return db.selectFrom('programProject').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Projects the actor sees, newest first, with their summaries. */
export async function listProjects(db: Executor, actor: Actor, f: ProjectFilter) {
  let q = db.selectFrom('programProject as p').selectAll('p').where(inScopeSql(actor, 'p.school_id'));
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.schoolId) q = q.where('p.schoolId', '=', f.schoolId);
  const rows = await q
    .orderBy('p.createdAt', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return summaries(db, actor, rows);
}

/** The list view of projects: names of their school, major and course, score, abilities. */
export async function summaries(db: Executor, actor: Actor, rows: ProjectRow[]) {
  const majorIds = rows.map((r) => r.majorId).filter((x): x is string => !!x);
  const courseIds = rows.map((r) => r.courseId).filter((x): x is string => !!x);
  const [schools, majors, courses] = await Promise.all([
    unitRefs(
      db,
      rows.map((r) => r.schoolId),
    ),
    majorIds.length
      ? db
          .selectFrom('major as m')
          .innerJoin('majorCatalogue as c', (j) =>
            j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
          )
          .select(['m.id', 'm.direction', 'c.name as catalogueName'])
          .where('m.id', 'in', majorIds)
          .execute()
      : [],
    courseIds.length
      ? db.selectFrom('course').select(['id', 'name']).where('id', 'in', courseIds).execute()
      : [],
  ]);
  const majorName = new Map(majors.map((m) => [m.id, majorLabel(m)]));
  const courseName = new Map(courses.map((c) => [c.id, c.name]));
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    school: schools.get(p.schoolId)!,
    major: p.majorId ? { id: p.majorId, name: majorName.get(p.majorId) ?? '' } : null,
    course: p.courseId ? { id: p.courseId, name: courseName.get(p.courseId) ?? '' } : null,
    teacherId: p.teacherId,
    teacherName: p.teacherName,
    state: p.state,
    level: p.level,
    averageScore: p.averageScore === null ? null : Number(p.averageScore),
    appliedAt: p.appliedAt,
    approvedOn: p.approvedOn,
    midtermOn: p.midtermOn,
    closedOn: p.closedOn,
    abilities: projectAbilities(actor, p),
  }));
}

/**
 * One project with its summary text, files by stage, history and reviews. Reviewers of the
 * district see each reviewer's score and opinion; the school sees the opinions and the average.
 */
export async function projectDetail(db: Executor, actor: Actor, p: ProjectRow) {
  const [summary] = await summaries(db, actor, [p]);
  const [files, events, scores] = await Promise.all([
    db
      .selectFrom('programProjectFile as pf')
      .innerJoin('storedFile as f', 'f.id', 'pf.fileId')
      .select(['f.id', 'f.originalName as name', 'f.sizeBytes', 'f.mime', 'pf.stage'])
      .where('pf.projectId', '=', p.id)
      .orderBy('f.createdAt')
      .execute(),
    db
      .selectFrom('programProjectEvent as e')
      .leftJoin('appUser as u', 'u.id', 'e.actorId')
      .select(['e.at', 'e.action', 'e.comment', 'u.displayName as actorName'])
      .where('e.projectId', '=', p.id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('programProjectScore as s')
      .innerJoin('appUser as u', 'u.id', 's.reviewerId')
      .select(['s.reviewerId', 'u.displayName', 's.score', 's.opinion', 's.scoredAt'])
      .where('s.projectId', '=', p.id)
      .orderBy('s.scoredAt')
      .execute(),
  ]);
  const named = mayReview(actor, p.districtId);
  return {
    ...summary!,
    summary: p.summary,
    decisionNote: p.decisionNote,
    files,
    events: events.map((e) => ({
      at: e.at,
      action: e.action,
      comment: e.comment,
      actorName: e.actorName ?? '',
    })),
    reviews: scores.map((s) => ({
      reviewer: named ? s.displayName : null,
      mine: s.reviewerId === actor.userId,
      score: named ? Number(s.score) : null,
      opinion: s.opinion,
      scoredAt: s.scoredAt,
    })),
  };
}
