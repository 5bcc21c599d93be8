import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { findPost, type PlacementRow } from './internships.repository.ts';
import { checkCompletion, isInjury, mayNotifyInsurer, type CompletionFacts } from './placement-life.rules.ts';
import {
  countUnnotifiedInjuries,
  listEvaluations,
  listIncidents,
  type EvaluationRow,
} from './placement-life.repository.ts';

/** The grades on file by party. */
export function gradesOf(rows: ReadonlyArray<Pick<EvaluationRow, 'party' | 'grade'>>) {
  return {
    school: rows.find((r) => r.party === 'school')?.grade ?? null,
    enterprise: rows.find((r) => r.party === 'enterprise')?.grade ?? null,
  };
}

/** What `checkCompletion` says of the placement now, with the evaluations it read. */
export async function completionCheckOf(db: Executor, p: PlacementRow) {
  const [post, evaluations, unnotifiedInjuries] = await Promise.all([
    findPost(db, p.postId),
    listEvaluations(db, p.id),
    countUnnotifiedInjuries(db, p.id),
  ]);
  const grades = gradesOf(evaluations);
  return {
    grades,
    check: checkCompletion({ type: post!.kind, evaluations: grades, unnotifiedInjuries }),
  };
}

/**
 * What `checkCompletion` says of the placement, from the evaluations and incidents its page
 * already lists (`lifeView`): the page reads neither twice. `kind`: the post's.
 */
export function completionCheckFrom(
  kind: CompletionFacts['type'],
  life: {
    evaluations: ReadonlyArray<Pick<EvaluationRow, 'party' | 'grade'>>;
    incidents: ReadonlyArray<{ injury: boolean; insurerNotifiedAt: Date | null }>;
  },
) {
  return checkCompletion({
    type: kind,
    evaluations: gradesOf(life.evaluations),
    unnotifiedInjuries: life.incidents.filter((i) => i.injury && i.insurerNotifiedAt === null).length,
  });
}

/**
 * A placement's evaluations and incidents as its page shows them; `notifier` is the actor's party
 * when the placement's state lets it record an insurer's notification, else null.
 */
export async function lifeView(db: Executor, p: PlacementRow, notifier: 'school' | 'enterprise' | null) {
  const [evaluations, incidents] = await Promise.all([listEvaluations(db, p.id), listIncidents(db, p.id)]);
  const [users, files] = await Promise.all([
    findUserRefs(db, [...evaluations.map((e) => e.recordedBy), ...incidents.map((i) => i.reportedBy)]),
    findStoredFiles(
      db,
      incidents.flatMap((i) => i.fileIds),
    ),
  ]);
  const name = (id: string | null) => (id && users.get(id)?.displayName) || '';
  return {
    evaluations: evaluations.map((e) => ({
      party: e.party,
      grade: e.grade,
      comments: e.comments,
      evaluatedOn: e.evaluatedOn,
      recordedBy: name(e.recordedBy),
      recordedAt: e.recordedAt,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      occurredAt: i.occurredAt,
      kind: i.kind,
      severity: i.severity,
      injury: isInjury(i.kind),
      description: i.description,
      measures: i.measures,
      coveredBy: i.insurer && i.policyNumber ? { insurer: i.insurer, policyNumber: i.policyNumber } : null,
      insurerNotifiedAt: i.insurerNotifiedAt,
      claimReference: i.claimReference,
      mayNotifyInsurer: i.insurerNotifiedAt === null && mayNotifyInsurer(notifier, i.reportedByParty),
      reportedByParty: i.reportedByParty,
      reportedBy: name(i.reportedBy),
      reportedAt: i.reportedAt,
      files: i.fileIds.map((id) => ({ id, name: files.get(id)?.name ?? '' })),
    })),
  };
}
