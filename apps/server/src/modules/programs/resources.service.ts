import { RESOURCE_TYPE_LABELS } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { auditOf } from './programs.audit.ts';
import { assertManages, checkSchoolRefs, resolveSchool } from './programs.checks.ts';
import { canSeeResource } from './programs.policy.ts';
import { findMajor } from './programs.repository.ts';
import { majorLabel } from './programs.view.ts';
import { searchResources } from './resource-search.ts';
import {
  countResourceUse,
  deleteResource as deleteResourceRow,
  findResource,
  insertResource,
  updateResource as updateResourceRow,
} from './resources.repository.ts';
import type {
  CreateResourceBody,
  ResourceBody,
  ResourceQuery,
  SharingDecisionBody,
} from './resources.schema.ts';
import { describeResources, PREVIEWABLE_MIME } from './resources.view.ts';
import { assertShareable, resourceSharing, shareStateAfterEdit } from './resources.workflow.ts';
import { resourceSearchFields } from './search-terms.ts';

/*
 * The teaching resource library (教学资源库): a school uploads a file through the file guard
 * (POST /api/files) and describes it here; it is seen by its school until the district has
 * reviewed a sharing request (resources.workflow.ts), then by the whole district. Search,
 * previews and downloads go through the resource (its visibility is checked) and are counted and
 * audited.
 */

type ResourceInput = Static<typeof ResourceBody>;

const audit = auditOf('resource', 'teaching_resource');

/** Searches (every word must occur; title matches first) or browses the resources the actor sees. */
export async function search(deps: ModuleDeps, actor: Actor, s: Static<typeof ResourceQuery>) {
  const page = await searchResources(deps.db, actor, s);
  return {
    items: await describeResources(deps.db, actor, page.ids),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
  };
}

/** One resource the actor sees (their school's, or shared in their district). */
export async function getResource(deps: ModuleDeps, actor: Actor, id: string) {
  await loadFor(deps, actor, id);
  return (await describeResources(deps.db, actor, [id]))[0]!;
}

/** Describes an uploaded file as a resource of a school (seen by the school until shared). */
export async function createResource(
  deps: ModuleDeps,
  actor: Actor,
  input: Static<typeof CreateResourceBody>,
) {
  const { schoolId, districtId } = await resolveSchool(deps.db, actor, input.schoolId);
  await checkEvidenceFiles(deps.db, actor, [input.fileId], { field: () => 'fileId' });
  const values = await prepare(deps.db, schoolId, input);
  if (input.requestSharing) assertShareable(input.licence);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertResource(trx, {
      schoolId,
      districtId,
      ...values,
      fileId: input.fileId,
      shareState: input.requestSharing ? 'pending' : 'private',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(deps, trx, actor, 'created', id, { schoolId, title: values.title, fileId: input.fileId });
    if (input.requestSharing) await resourceSharing.record(deps, trx, 'requestSharing', actor, id);
    return id;
  });
  return getResource(deps, actor, id);
}

/** Edits the description; a shared resource goes back to review (what was reviewed changed). */
export async function updateResource(deps: ModuleDeps, actor: Actor, id: string, input: ResourceInput) {
  const r = await loadForChange(deps, actor, id);
  const values = await prepare(deps.db, r.schoolId, input);
  const shareState = shareStateAfterEdit(r.shareState, input.licence);
  if (shareState === 'pending') assertShareable(input.licence);
  await deps.transaction(async (trx) => {
    await updateResourceRow(trx, id, { ...values, shareState, sharedOn: null, updatedAt: deps.clock.now() });
    await audit(deps, trx, actor, 'updated', id, { title: values.title, shareState });
  });
  return getResource(deps, actor, id);
}

/** Deletes a resource with its usage counters (the audit keeps its title and file). */
export async function deleteResource(deps: ModuleDeps, actor: Actor, id: string) {
  const r = await loadForChange(deps, actor, id);
  await deps.transaction(async (trx) => {
    await deleteResourceRow(trx, id);
    await audit(deps, trx, actor, 'deleted', id, {
      title: r.title,
      fileId: r.fileId,
      shareState: r.shareState,
    });
  });
}

/** Asks the district to share the resource district-wide. */
export async function requestSharing(deps: ModuleDeps, actor: Actor, id: string) {
  const r = await loadFor(deps, actor, id);
  const subject = { ...r, state: r.shareState };
  resourceSharing.assert('requestSharing', actor, subject);
  assertShareable(r.licence);
  await deps.transaction((trx) =>
    resourceSharing.apply(deps, trx, 'requestSharing', actor, subject, { set: { refusalReason: null } }),
  );
  return getResource(deps, actor, id);
}

/** The district's decision on a sharing request: shared district-wide, or refused with a reason. */
export async function reviewSharing(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof SharingDecisionBody>,
) {
  const r = await loadFor(deps, actor, id);
  const step = input.share ? 'share' : 'refuse';
  const subject = { ...r, state: r.shareState };
  resourceSharing.assert(step, actor, subject);
  const reason = input.reason.trim();
  if (!input.share && !reason)
    throw new AppError('PROGRAM_REASON_REQUIRED', 400, [
      {
        field: 'reason',
        code: 'REQUIRED',
        message: '请填写不予共享的理由',
        messageEn: 'Give the reason for refusing',
      },
    ]);
  await deps.transaction((trx) => {
    const now = deps.clock.now();
    const set = input.share
      ? { sharedOn: chinaDate(now), refusalReason: null }
      : { sharedOn: null, refusalReason: reason };
    return resourceSharing.apply(deps, trx, step, actor, subject, {
      set: { ...set, reviewedBy: actor.userId, reviewedAt: now },
      details: input.share ? {} : { reason },
    });
  });
  return getResource(deps, actor, id);
}

/**
 * Opens a resource's file for `mode`: a preview is served inline when the type is safe to show
 * (PDF, images), otherwise — and for every download — as an attachment. Counted and audited
 * in one transaction before the first byte is sent.
 */
export async function openFile(deps: ModuleDeps, actor: Actor, id: string, mode: 'preview' | 'download') {
  const r = await loadFor(deps, actor, id);
  const stored = (await findStoredFiles(deps.db, [r.fileId])).get(r.fileId);
  if (!stored) throw notFound();
  const inline = mode === 'preview' && PREVIEWABLE_MIME.includes(stored.mime);
  await deps.transaction(async (trx) => {
    await countResourceUse(trx, id, inline ? 'preview' : 'download', deps.clock.now());
    await audit(deps, trx, actor, inline ? 'previewed' : 'downloaded', id, { fileId: r.fileId });
  });
  return { inline, ...(await deps.files.openStoredFile(r.fileId)) };
}

async function loadFor(deps: ModuleDeps, actor: Actor, id: string) {
  const r = await findResource(deps.db, id);
  if (!r || !canSeeResource(actor, r)) throw notFound();
  return r;
}

async function loadForChange(deps: ModuleDeps, actor: Actor, id: string) {
  const r = await loadFor(deps, actor, id);
  assertManages(actor, r.schoolId);
  return r;
}

/** Checks the major and course, derives the major from the course, computes the search columns. */
async function prepare(db: Executor, schoolId: string, input: ResourceInput) {
  const refs = await checkSchoolRefs(db, schoolId, { majorId: input.majorId, courseId: input.courseId });
  if (input.majorId && refs.courseMajorId && refs.courseMajorId !== input.majorId)
    throw fieldError(
      'courseId',
      'COURSE_NOT_IN_MAJOR',
      '课程不属于所选专业',
      'The course belongs to another major',
    );
  let majorId = input.majorId ?? null;
  let majorName = refs.majorName;
  if (!majorId && refs.courseMajorId) {
    majorId = refs.courseMajorId;
    const m = await findMajor(db, majorId);
    majorName = m ? majorLabel(m) : null;
  }
  const title = input.title.trim();
  const description = input.description.trim();
  const labels = [RESOURCE_TYPE_LABELS[input.resourceType].zh, majorName ?? '', refs.courseName ?? ''];
  return {
    title,
    description,
    resourceType: input.resourceType,
    licence: input.licence,
    majorId,
    courseId: input.courseId ?? null,
    ...resourceSearchFields({
      title,
      description,
      labels,
      filters: { resourceType: input.resourceType, majorId, courseId: input.courseId },
    }),
  };
}
