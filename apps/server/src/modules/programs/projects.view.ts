import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import { projectAbilities } from './project-lifecycle.ts';
import { mayReview } from './programs.policy.ts';
import { majorAndCourseNames } from './programs.view.ts';
import {
  listProjectEvents,
  listProjectFiles,
  listProjectScores,
  type ProjectRow,
} from './projects.repository.ts';

/** The list view of projects: names of their school, major and course, score, abilities. */
export async function describeProjects(db: Executor, actor: Actor, rows: readonly ProjectRow[]) {
  const [schools, names] = await Promise.all([
    unitRefsByIds(
      db,
      rows.map((r) => r.schoolId),
    ),
    majorAndCourseNames(db, rows),
  ]);
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    school: schools.get(p.schoolId)!,
    major: p.majorId ? { id: p.majorId, name: names.majors.get(p.majorId) ?? '' } : null,
    course: p.courseId ? { id: p.courseId, name: names.courses.get(p.courseId) ?? '' } : null,
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
export async function describeProject(db: Executor, actor: Actor, p: ProjectRow) {
  const [[summary], files, events, scores] = await Promise.all([
    describeProjects(db, actor, [p]),
    projectFiles(db, p.id),
    listProjectEvents(db, p.id),
    listProjectScores(db, p.id),
  ]);
  const users = await findUserRefs(db, [...events.map((e) => e.actorId), ...scores.map((s) => s.reviewerId)]);
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
      actorName: (e.actorId && users.get(e.actorId)?.displayName) ?? '',
    })),
    reviews: scores
      .filter((s) => users.has(s.reviewerId))
      .map((s) => ({
        reviewer: named ? users.get(s.reviewerId)!.displayName : null,
        mine: s.reviewerId === actor.userId,
        score: named ? Number(s.score) : null,
        opinion: s.opinion,
        scoredAt: s.scoredAt,
      })),
  };
}

/** The project's files by stage, in the order they were uploaded. */
async function projectFiles(db: Executor, projectId: string) {
  const attached = await listProjectFiles(db, projectId);
  const stored = await findStoredFiles(
    db,
    attached.map((a) => a.fileId),
  );
  return attached
    .flatMap((a) => {
      const f = stored.get(a.fileId);
      return f ? [{ f, stage: a.stage }] : [];
    })
    .sort((x, y) => x.f.createdAt.getTime() - y.f.createdAt.getTime())
    .map(({ f, stage }) => ({ id: f.id, name: f.name, sizeBytes: f.sizeBytes, mime: f.mime, stage }));
}
