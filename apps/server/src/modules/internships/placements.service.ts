import { PLACEMENT_DOCUMENTS } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { ageAt, maskResidentId, validateResidentId } from '../../platform/validation/identifiers.ts';
import { checkActivation } from './internship.rules.ts';
import { actorUnit, today, type InternshipsDeps } from './internships.deps.ts';
import { canSeePlacement, canSeePost, readsStudentPapers } from './internships.policy.ts';
import {
  countOtherActiveInterns,
  countPlacedByPost,
  findPlacement,
  findPlacementOfStudent,
  findPost,
  insertPlacement,
  listPlacementIdsWithFile,
  lockPlacement,
  lockPost,
  lockPostsOfEnterprise,
  listPlacementsInScope,
  type PlacementFilter,
  type PlacementRow,
  type PlacementScope,
} from './internships.repository.ts';
import type {
  CreatePlacementBody,
  DocumentsBody,
  EndBody,
  ExtendBody,
  PlacementBody,
  PlacementQuery,
} from './internships.schema.ts';
import { describePlacement, describePlacements } from './internships.view.ts';
import { placementWorkflow } from './internships.workflow.ts';
import { placementFacts } from './placement-facts.ts';
import { overallResult } from './placement-life.rules.ts';
import { listPlacementIdsWithIncidentFile } from './placement-life.repository.ts';
import { completionCheckOf } from './placement-life.view.ts';

/*
 * Placements (实习安排): a vocational school places its student on a published post (ID number
 * checked by its checksum, stored encrypted with a blind index and a masked copy), puts the
 * three-party agreement, the consent and the liability insurance on file, and starts the
 * internship only when `checkActivation` finds nothing against it — else 409 with every reason,
 * field-named, in zh and en. Every step writes a history row and an audit row.
 */

/** Placements the actor sees (its school's, or those on its enterprise's posts), filtered. */
export async function listPlacements(
  deps: InternshipsDeps,
  actor: Actor,
  query: Static<typeof PlacementQuery>,
) {
  const { limit, offset, ...filter } = query;
  const rows = await listPlacementsInScope(deps.db, placementScope(actor), filter, { limit, offset });
  return describePlacements(deps.db, rows);
}

/** Placement rows the actor sees (todo and alert sources, exports). */
export function listPlacementRows(
  deps: Pick<InternshipsDeps, 'db'>,
  actor: Actor,
  filter: PlacementFilter,
  page = { limit: 1000, offset: 0 },
) {
  if (!actor.permissions.has('internship.read')) return Promise.resolve([] as PlacementRow[]);
  return listPlacementsInScope(deps.db, placementScope(actor), filter, page);
}

/** One placement with its documents, checklist and history. */
export async function getPlacement(deps: InternshipsDeps, actor: Actor, id: string) {
  const p = await loadFor(deps, actor, id);
  return describePlacement(deps.db, actor, p, await activationCheckOf(deps, deps.db, p));
}

/** Places a student of the actor's school on a published post. */
export async function createPlacement(
  deps: InternshipsDeps,
  actor: Actor,
  input: Static<typeof CreatePlacementBody>,
) {
  const unit = await actorUnit(deps.db, actor);
  if (!actor.permissions.has('internship.place')) throw forbidden();
  if (!unit.places) throw new AppError('INTERNSHIP_NOT_A_SCHOOL', 403);
  const placementId = await deps.transaction(async (trx) => {
    // Every decision is on the post as it stands under its lock (taken before anything is read of
    // it): two schools placing at once count each other's placements, and a post changed or
    // closed meanwhile is judged as it now is.
    const post = await lockPost(trx, input.postId);
    if (!post || !canSeePost(actor, post, true)) throw notFound();
    if (post.state !== 'published') throw new AppError('INTERNSHIP_POST_NOT_OPEN', 409);
    const id = validateResidentId(input.idNumber, deps.clock.now());
    if (!id.ok) throw fieldError('idNumber', id.code, id.zh, id.en);
    const values = checkedColumns(deps, input, id.birthDate, post);
    const index = deps.crypto.blindIndex(id.normalized);
    if (await findPlacementOfStudent(trx, post.id, index))
      throw new AppError('INTERNSHIP_STUDENT_EXISTS', 409, [
        {
          field: 'idNumber',
          code: 'INTERNSHIP_STUDENT_EXISTS',
          message: '该学生已安排在此岗位',
          messageEn: 'This student is already placed on this post',
        },
      ]);
    const taken = (await countPlacedByPost(trx, [post.id])).get(post.id) ?? 0;
    if (taken >= post.places) throw new AppError('INTERNSHIP_POST_FULL', 409);
    const now = deps.clock.now();
    const placementId = await insertPlacement(trx, {
      ...values,
      postId: post.id,
      enterpriseId: post.enterpriseId,
      schoolId: actor.orgUnitId,
      districtId: post.districtId,
      studentIdCipher: deps.crypto.encrypt(id.normalized),
      studentIdIndex: index,
      studentIdMasked: maskResidentId(id.normalized),
      birthDateCipher: deps.crypto.encrypt(id.birthDate),
      sex: id.sex,
      agreementFileId: null,
      agreementSignedOn: null,
      consentFileId: null,
      studentConsentOn: null,
      guardianConsentOn: null,
      insurer: null,
      policyNumber: null,
      insuranceStartsOn: null,
      insuranceEndsOn: null,
      premiumPaidBy: null,
      insuranceFileId: null,
      state: 'draft',
      activatedOn: null,
      endedOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await placementWorkflow.record(deps, trx, 'create', actor, placementId, {
      details: { postId: post.id, schoolId: actor.orgUnitId },
    });
    return placementId;
  });
  return getPlacement(deps, actor, placementId);
}

/** Edits a placement not yet started (the ID number stays: a new student is a new placement). */
export async function updatePlacement(
  deps: InternshipsDeps,
  actor: Actor,
  id: string,
  input: Static<typeof PlacementBody>,
) {
  const p = await loadFor(deps, actor, id);
  const post = (await findPost(deps.db, p.postId))!;
  const values = checkedColumns(deps, input, deps.crypto.decrypt(p.birthDateCipher), post);
  await deps.transaction((trx) => placementWorkflow.apply(deps, trx, 'edit', actor, p, { set: values }));
  return getPlacement(deps, actor, id);
}

/**
 * Puts documents on file: each part given replaces that part (null removes it). Files must be the
 * actor's own uploads or already on this placement; the premium is never the student's.
 */
export async function putDocuments(
  deps: InternshipsDeps,
  actor: Actor,
  id: string,
  input: Static<typeof DocumentsBody>,
) {
  const p = await loadFor(deps, actor, id);
  placementWorkflow.assert('documents', actor, p);
  const attached = [p.agreementFileId, p.consentFileId, p.insuranceFileId].filter((f): f is string => !!f);
  const named: Array<[string, string]> = [];
  if (input.agreement) named.push(['agreement.fileId', input.agreement.fileId]);
  if (input.consent) named.push(['consent.fileId', input.consent.fileId]);
  if (input.insurance) named.push(['insurance.fileId', input.insurance.fileId]);
  await checkEvidenceFiles(
    deps.db,
    actor,
    named.map(([, f]) => f),
    { attached, field: (i) => named[i]![0] },
  );
  const set = { ...agreementColumns(input), ...consentColumns(input), ...insuranceColumns(input) };
  await deps.transaction(async (trx) => {
    // A running internship keeps what allowed it to start: a document may be replaced, never
    // removed, and the placement with the new papers must still pass every check of 启动实习 —
    // judged on the placement as it stands under the locks (it may have started meanwhile).
    const current = await lockForCheck(trx, p);
    if (current.state === 'active') {
      const check = await activationCheckOf(deps, trx, { ...current, ...set });
      if (!check.ok) throw refused('INTERNSHIP_DOCUMENTS_REFUSED', check);
    }
    // The history names the documents this step filed (the comment holds their keys, in order).
    const parts = PLACEMENT_DOCUMENTS.filter((d) => input[d] !== undefined);
    await placementWorkflow.apply(deps, trx, 'documents', actor, current, {
      set,
      comment: parts.join(','),
      details: { parts },
    });
  });
  return getPlacement(deps, actor, id);
}

/** Starts the internship (启动实习): refused with every reason while anything is missing or wrong. */
export async function activatePlacement(deps: InternshipsDeps, actor: Actor, id: string) {
  const p = await loadFor(deps, actor, id);
  placementWorkflow.assert('activate', actor, p);
  await deps.transaction(async (trx) => {
    const current = await lockForCheck(trx, p);
    const check = await activationCheckOf(deps, trx, current);
    if (!check.ok) throw refused('INTERNSHIP_ACTIVATION_REFUSED', check);
    await placementWorkflow.apply(deps, trx, 'activate', actor, current, {
      set: { activatedOn: today(deps) },
      details: { warnings: check.warnings.map((w) => w.code) },
    });
  });
  return getPlacement(deps, actor, id);
}

/**
 * Extends a running placement (延长实习): the placement with its new end must still pass every
 * check of 启动实习 — the liability insurance covering it to the new end, the interns' shares of
 * the enterprise's staff and of the post over the longer period — under the same locks as the
 * start; else 409 with every reason, field-named, in zh and en.
 */
export async function extendPlacement(
  deps: InternshipsDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ExtendBody>,
) {
  const p = await loadFor(deps, actor, id);
  placementWorkflow.assert('extend', actor, p);
  await deps.transaction(async (trx) => {
    const current = await lockForCheck(trx, p);
    if (input.endsOn <= current.endsOn)
      throw fieldError(
        'endsOn',
        'NOT_LATER',
        `新的结束日须晚于原结束日 ${current.endsOn}`,
        `The new end date must be after ${current.endsOn}`,
      );
    const check = await activationCheckOf(deps, trx, { ...current, endsOn: input.endsOn });
    if (!check.ok) throw refused('INTERNSHIP_EXTENSION_REFUSED', check);
    await placementWorkflow.apply(deps, trx, 'extend', actor, current, {
      set: { endsOn: input.endsOn },
      details: { from: current.endsOn, to: input.endsOn, warnings: check.warnings.map((w) => w.code) },
    });
  });
  return getPlacement(deps, actor, id);
}

/**
 * Records the end of a placement: terminated (with the reason), or completed — refused (409, every
 * reason in zh and en) until the evaluations are on file (both for 岗位实习, the school's for
 * 认识实习) and every injury is reported to the insurer; the completion keeps the overall result.
 */
export async function endPlacement(
  deps: InternshipsDeps,
  actor: Actor,
  id: string,
  how: 'complete' | 'terminate',
  input: Static<typeof EndBody>,
) {
  const p = await loadFor(deps, actor, id);
  const note = input.note.trim();
  if (how === 'terminate' && !note)
    throw fieldError('note', 'REQUIRED', '请填写终止原因', 'Give the reason for terminating');
  placementWorkflow.assert(how, actor, p);
  await deps.transaction(async (trx) => {
    // Judged under the placement's lock: an evaluation or incident written meanwhile waits, or is seen.
    const current = await lockPlacement(trx, p.id);
    let result = null;
    if (how === 'complete') {
      const { check, grades } = await completionCheckOf(trx, current);
      if (!check.ok) throw refused('INTERNSHIP_COMPLETION_REFUSED', check);
      result = overallResult(grades);
    }
    await placementWorkflow.apply(deps, trx, how, actor, current, {
      set: { endedOn: today(deps), endNote: note, ...(how === 'complete' ? { result } : {}) },
      comment: note || null,
      ...(how === 'complete' ? { details: { result } } : {}),
    });
  });
  return getPlacement(deps, actor, id);
}

/**
 * A placement with the file among its documents or its incident reports' files that the actor may
 * read, or null. The host enterprise reads the three-party agreement it signed, not the consent
 * form or the insurance policy: those carry the student's and the guardian's particulars, which its
 * pages show masked or not at all; the school's readers read all three (`readsStudentPapers`).
 * An incident's files are read by whoever sees the placement, as its report is — unless the file is
 * also a placement's document, which is then read as a document only.
 */
export async function readablePlacementWithFile(deps: InternshipsDeps, actor: Actor, fileId: string) {
  const [documents, incidents] = await Promise.all([
    listPlacementIdsWithFile(deps.db, fileId),
    listPlacementIdsWithIncidentFile(deps.db, fileId),
  ]);
  // A placement's document attached to an incident (refused now, possible in older records) stays
  // readable only as a document: the incident does not open the student's papers to the enterprise.
  const viaIncident = new Set(documents.length === 0 ? incidents : []);
  return firstReadable([...new Set([...incidents, ...documents])], async (id) => {
    const p = await loadFor(deps, actor, id);
    if (viaIncident.has(id)) return p;
    if (p.agreementFileId !== fileId && !readsStudentPapers(actor, p)) throw notFound();
    return p;
  });
}

/** The placement, if the actor sees it (else 404). */
export async function loadFor(deps: Pick<InternshipsDeps, 'db'>, actor: Actor, id: string) {
  const p = await findPlacement(deps.db, id);
  if (!p || !canSeePlacement(actor, p)) throw notFound();
  return p;
}

/**
 * Takes the locks a check of the placement against the rules is made under: every post of its
 * enterprise (the interns' share of the enterprise's staff spans them all, and placing on a post
 * takes that post's lock), then the placement's row; answers the placement as it now stands.
 */
async function lockForCheck(trx: Executor, p: PlacementRow): Promise<PlacementRow> {
  await lockPostsOfEnterprise(trx, p.enterpriseId);
  return lockPlacement(trx, p.id);
}

/** A refusal (409) with every reason of the check, field-named, in zh and en. */
function refused(
  code:
    | 'INTERNSHIP_ACTIVATION_REFUSED'
    | 'INTERNSHIP_EXTENSION_REFUSED'
    | 'INTERNSHIP_DOCUMENTS_REFUSED'
    | 'INTERNSHIP_COMPLETION_REFUSED',
  check: { refusals: ReadonlyArray<{ field: string; code: string; zh: string; en: string }> },
) {
  return new AppError(
    code,
    409,
    check.refusals.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en })),
  );
}

/** What `checkActivation` says of the placement now (shares counted, staff looked up). */
export async function activationCheckOf(deps: InternshipsDeps, db: Executor, p: PlacementRow) {
  const post = (await findPost(db, p.postId))!;
  const [others, staff] = await Promise.all([
    countOtherActiveInterns(db, p),
    deps.staffCount(db, p.enterpriseId, Number(p.startsOn.slice(0, 4))),
  ]);
  const birthDate = deps.crypto.decrypt(p.birthDateCipher);
  return checkActivation(placementFacts({ ...p, birthDate }, post, { staff, ...others }), deps.rules);
}

function placementScope(actor: Actor): PlacementScope {
  return actor.scope.all ? { all: true } : { all: false, unitIds: actor.scope.orgUnitIds };
}

function checkedColumns(
  deps: InternshipsDeps,
  input: Static<typeof PlacementBody>,
  birthDate: string,
  post: { startsOn: string; endsOn: string; monthlyPay: number },
) {
  if (input.endsOn < input.startsOn)
    throw fieldError(
      'endsOn',
      'PERIOD_INVALID',
      `实习结束日 ${input.endsOn} 早于开始日 ${input.startsOn}`,
      `The end date ${input.endsOn} is before the start date ${input.startsOn}`,
    );
  // The post is offered for its period: a placement on it lies within it (an extension later is
  // its own step, 延长实习, and may run past it).
  if (input.startsOn < post.startsOn)
    throw fieldError(
      'startsOn',
      'OUTSIDE_POST_PERIOD',
      `实习开始日 ${input.startsOn} 早于岗位实习期开始日 ${post.startsOn}`,
      `The start date ${input.startsOn} is before the post's period starts (${post.startsOn})`,
    );
  if (input.endsOn > post.endsOn)
    throw fieldError(
      'endsOn',
      'OUTSIDE_POST_PERIOD',
      `实习结束日 ${input.endsOn} 晚于岗位实习期结束日 ${post.endsOn}`,
      `The end date ${input.endsOn} is after the post's period ends (${post.endsOn})`,
    );
  if (input.startsOn < birthDate)
    throw fieldError(
      'startsOn',
      'BEFORE_BIRTH',
      '实习开始日早于出生日期',
      'The start date is before the birth date',
    );
  const age = ageAt(birthDate, input.startsOn);
  const guardianName = input.guardianName.trim();
  if (age < deps.rules.adultAge && !guardianName)
    throw fieldError(
      'guardianName',
      'GUARDIAN_REQUIRED',
      `学生在实习开始日为 ${age} 周岁，须填写监护人`,
      `The student is ${age} on the start date: name the guardian`,
    );
  const studentName = input.studentName.trim();
  const major = input.major.trim();
  if (!studentName)
    throw fieldError('studentName', 'REQUIRED', '请填写学生姓名', 'The student’s name is required');
  if (!major) throw fieldError('major', 'REQUIRED', '请填写所学专业', 'The major is required');
  return {
    studentName,
    major,
    studyYear: input.studyYear,
    guardianName,
    schoolSupervisor: input.schoolSupervisor.trim(),
    enterpriseMentor: input.enterpriseMentor.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    ageAtStart: age,
    monthlyPay: input.monthlyPay ?? Number(post.monthlyPay),
  };
}

function agreementColumns(input: Static<typeof DocumentsBody>) {
  if (input.agreement === undefined) return {};
  return {
    agreementFileId: input.agreement?.fileId ?? null,
    agreementSignedOn: input.agreement?.signedOn ?? null,
  };
}

function consentColumns(input: Static<typeof DocumentsBody>) {
  if (input.consent === undefined) return {};
  const c = input.consent;
  if (c && !c.studentSignedOn && !c.guardianSignedOn)
    throw fieldError(
      'consent.studentSignedOn',
      'REQUIRED',
      '请填写学生（或监护人）签署知情同意书的日期',
      'Give the date the student (or the guardian) signed the consent',
    );
  return {
    consentFileId: c?.fileId ?? null,
    studentConsentOn: c?.studentSignedOn ?? null,
    guardianConsentOn: c?.guardianSignedOn ?? null,
  };
}

function insuranceColumns(input: Static<typeof DocumentsBody>) {
  if (input.insurance === undefined) return {};
  const i = input.insurance;
  if (i === null)
    return {
      insurer: null,
      policyNumber: null,
      insuranceStartsOn: null,
      insuranceEndsOn: null,
      premiumPaidBy: null,
      insuranceFileId: null,
    };
  if (i.premiumPaidBy === 'student')
    throw fieldError(
      'insurance.premiumPaidBy',
      'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
      '实习责任保险保费不得向学生收取',
      'The insurance premium may not be charged to the student',
    );
  if (i.endsOn < i.startsOn)
    throw fieldError(
      'insurance.endsOn',
      'PERIOD_INVALID',
      `保险止期 ${i.endsOn} 早于起期 ${i.startsOn}`,
      `The policy ends (${i.endsOn}) before it starts (${i.startsOn})`,
    );
  const insurer = i.insurer.trim();
  const policyNumber = i.policyNumber.trim();
  if (!insurer)
    throw fieldError('insurance.insurer', 'REQUIRED', '请填写保险公司', 'The insurer is required');
  if (!policyNumber)
    throw fieldError('insurance.policyNumber', 'REQUIRED', '请填写保单号', 'The policy number is required');
  return {
    insurer,
    policyNumber,
    insuranceStartsOn: i.startsOn,
    insuranceEndsOn: i.endsOn,
    premiumPaidBy: i.premiumPaidBy,
    insuranceFileId: i.fileId,
  };
}
