import { PLACEMENT_DOCUMENTS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import { checkPost, type InternshipCheck, type InternshipRules } from './internship-post.rules.ts';
import { partyOf, readsStudentPapers, seesGuardian } from './internships.policy.ts';
import {
  countPlacedByPost,
  findPost,
  listPlacementEvents,
  type PlacementRow,
  type PostRow,
} from './internships.repository.ts';
import { placementWorkflow, postWorkflow } from './internships.workflow.ts';
import { activationChecklist, insuranceCovers, postRuleInput } from './placement-facts.ts';
import { completionCheckFrom, lifeView } from './placement-life.view.ts';

const NO_UNIT = { id: '', code: '', name: '' };

/** Posts as the list and page show them: the enterprise, places taken, the rules' check, abilities. */
export async function describePosts(
  db: Executor,
  actor: Actor,
  rows: readonly PostRow[],
  ctx: { places: boolean; rules: InternshipRules },
) {
  const [units, placed] = await Promise.all([
    unitRefsByIds(
      db,
      rows.map((r) => r.enterpriseId),
    ),
    countPlacedByPost(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const taken = placed.get(r.id) ?? 0;
    const can = postWorkflow.abilities(actor, r);
    return {
      ...r,
      dailyHours: Number(r.dailyHours),
      weeklyHours: Number(r.weeklyHours),
      monthlyPay: Number(r.monthlyPay),
      sameJobMonthlyWage: r.sameJobMonthlyWage === null ? null : Number(r.sameJobMonthlyWage),
      lowestWageGrade: r.lowestWageGrade === null ? null : Number(r.lowestWageGrade),
      enterprise: units.get(r.enterpriseId) ?? NO_UNIT,
      placed: taken,
      check: checkPost(postRuleInput(r), ctx.rules),
      abilities: {
        edit: can.edit,
        publish: can.publish,
        close: can.close,
        place: ctx.places && r.state === 'published' && actor.districtId === r.districtId && taken < r.places,
      },
    };
  });
}

/** The documents a placement has on file, as the list's ticks show them. */
function documentsOf(p: PlacementRow) {
  const minor = p.ageAtStart < 18;
  return {
    agreement: p.agreementFileId !== null,
    consent: p.consentFileId !== null && !!p.studentConsentOn && (!minor || !!p.guardianConsentOn),
    insurance: p.insuranceFileId !== null && insuranceCovers(p),
  };
}

/** Placements as lists show them: names, masked ID numbers, documents on file. */
export async function describePlacements(db: Executor, rows: readonly PlacementRow[]) {
  const postIds = [...new Set(rows.map((r) => r.postId))];
  const [units, posts] = await Promise.all([
    unitRefsByIds(db, [...rows.map((r) => r.enterpriseId), ...rows.map((r) => r.schoolId)]),
    Promise.all(postIds.map((id) => findPost(db, id))),
  ]);
  const postById = new Map(posts.filter((p) => p !== undefined).map((p) => [p.id, p]));
  return rows.map((r) => {
    const post = postById.get(r.postId);
    return {
      id: r.id,
      post: { id: r.postId, title: post?.title ?? '', kind: post?.kind ?? ('post' as const) },
      enterprise: units.get(r.enterpriseId) ?? NO_UNIT,
      school: units.get(r.schoolId) ?? NO_UNIT,
      student: {
        name: r.studentName,
        idMasked: r.studentIdMasked,
        sex: r.sex,
        ageAtStart: r.ageAtStart,
      },
      major: r.major,
      studyYear: r.studyYear,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      state: r.state,
      documents: documentsOf(r),
      insuredUntil: r.insuranceEndsOn,
    };
  });
}

/**
 * One placement with its documents, the 启动实习 checklist, what completing it asks, its
 * evaluations and incidents, history and abilities.
 */
export async function describePlacement(db: Executor, actor: Actor, p: PlacementRow, check: InternshipCheck) {
  const [[summary], events, files, life] = await Promise.all([
    describePlacements(db, [p]),
    listPlacementEvents(db, p.id),
    findStoredFiles(
      db,
      [p.agreementFileId, p.consentFileId, p.insuranceFileId].filter((id): id is string => id !== null),
    ),
    lifeView(db, p, placementWorkflow.abilities(actor, p).notifyInsurer ? partyOf(actor, p) : null),
  ]);
  const users = await findUserRefs(
    db,
    events.map((e) => e.actorId),
  );
  const file = (id: string | null) => {
    const f = id ? files.get(id) : undefined;
    return f ? { id: f.id, name: f.name } : { id: id ?? '', name: '' };
  };
  const can = placementWorkflow.abilities(actor, p);
  return {
    ...summary!,
    guardianName: seesGuardian(actor, p) ? p.guardianName : null,
    schoolSupervisor: p.schoolSupervisor,
    enterpriseMentor: p.enterpriseMentor,
    monthlyPay: Number(p.monthlyPay),
    agreement:
      p.agreementFileId && p.agreementSignedOn
        ? { file: file(p.agreementFileId), signedOn: p.agreementSignedOn }
        : null,
    consent: p.consentFileId
      ? {
          file: file(p.consentFileId),
          studentSignedOn: p.studentConsentOn,
          guardianSignedOn: p.guardianConsentOn,
        }
      : null,
    insurance:
      p.insurer && p.policyNumber && p.insuranceStartsOn && p.insuranceEndsOn && p.premiumPaidBy
        ? {
            insurer: p.insurer,
            policyNumber: p.policyNumber,
            startsOn: p.insuranceStartsOn,
            endsOn: p.insuranceEndsOn,
            premiumPaidBy: p.premiumPaidBy,
            file: file(p.insuranceFileId),
          }
        : null,
    activatedOn: p.activatedOn,
    endedOn: p.endedOn,
    endNote: p.endNote,
    checklist: activationChecklist(check),
    activationCheck: check,
    completionCheck: completionCheckFrom(summary!.post.kind, life),
    result: p.result,
    ...life,
    events: events.map((e) => ({
      at: e.at,
      action: e.action,
      ...eventNote(e),
      actorName: (e.actorId && users.get(e.actorId)?.displayName) ?? '',
    })),
    abilities: {
      edit: can.edit,
      documents: can.documents,
      activate: can.activate,
      extend: can.extend,
      complete: can.complete,
      terminate: can.terminate,
      recordAttendance:
        p.state === 'active' &&
        actor.permissions.has('internship.post') &&
        actor.orgUnitId === p.enterpriseId,
      reportIncident: can.reportIncident,
      notifyInsurer: can.notifyInsurer,
      evaluate: can.evaluate,
      evaluateAs: can.evaluate ? partyOf(actor, p) : null,
      readStudentPapers: readsStudentPapers(actor, p),
    },
  };
}

/**
 * An event's comment, or for 更新实习材料 the documents it filed (kept as their keys in the comment,
 * `agreement,insurance`), which the page names in the reader's language.
 */
function eventNote(e: { action: string; comment: string | null }) {
  if (e.action !== 'documents_updated') return { comment: e.comment, documents: [] };
  const keys = (e.comment ?? '').split(',');
  return { comment: null, documents: PLACEMENT_DOCUMENTS.filter((d) => keys.includes(d)) };
}
