import fs from 'node:fs';
import path from 'node:path';
import {
  RESOURCE_TYPE_LABELS,
  type ResourceLicence,
  type ResourceShareState,
  type ResourceType,
} from '@zhijiao/contracts';
import type { Kysely, Updateable } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { canSeeResource, mayManageSchool, mayReview, refusal } from './programs.policy.ts';
import {
  checkOwnFiles,
  checkSchoolRefs,
  findMajor,
  majorLabel,
  resolveSchool,
} from './programs.repository.ts';
import { searchResources, type ResourceSearch } from './resource-search.ts';
import { describeResources, findResource, PREVIEWABLE_MIME } from './resources.queries.ts';
import type { TeachingResourceTable } from './programs.tables.ts';
import { resourceSearchFields } from './search-terms.ts';

export interface ResourceInput {
  title: string;
  description: string;
  resourceType: ResourceType;
  licence: ResourceLicence;
  majorId?: string | null;
  courseId?: string | null;
}

/**
 * The teaching resource library (教学资源库): a school uploads a file through the file guard
 * (POST /api/files) and describes it here; it is seen by its school until the district has
 * reviewed a sharing request, then by the whole district. Search, previews and downloads go
 * through the resource (its visibility is checked) and are counted and audited.
 */
export function createResourcesService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  /** Where the file store keeps uploads (`<dataDir>/uploads/<storageKey>`). */
  dataDir: string;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  async function loadFor(actor: Actor, id: string) {
    const r = await findResource(db, id);
    if (!r || !canSeeResource(actor, r)) throw notFound();
    return r;
  }

  async function loadForChange(actor: Actor, id: string) {
    const r = await loadFor(actor, id);
    if (!mayManageSchool(actor, r.schoolId)) throw new AppError('FORBIDDEN', 403);
    return r;
  }

  function afterWrite(actor: Actor, id: string) {
    deps.onWrite?.();
    return getResource(actor, id);
  }

  async function getResource(actor: Actor, id: string) {
    await loadFor(actor, id);
    return (await describeResources(db, actor, [id]))[0]!;
  }

  async function search(actor: Actor, s: ResourceSearch) {
    const page = await searchResources(db, actor, s);
    return {
      items: await describeResources(db, actor, page.ids),
      total: page.total,
      totalIsLowerBound: page.totalIsLowerBound,
    };
  }

  /** Checks the major and course, derives the major from the course, computes the search columns. */
  async function prepare(schoolId: string, input: ResourceInput) {
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
    const labels = [RESOURCE_TYPE_LABELS[input.resourceType].zh, majorName ?? '', refs.courseName ?? ''];
    return {
      title: input.title.trim(),
      description: input.description.trim(),
      resourceType: input.resourceType,
      licence: input.licence,
      majorId,
      courseId: input.courseId ?? null,
      ...resourceSearchFields({
        title: input.title.trim(),
        description: input.description.trim(),
        labels,
        filters: { resourceType: input.resourceType, majorId, courseId: input.courseId },
      }),
    };
  }

  async function record(trx: Executor, actor: Actor, action: string, id: string, details: object = {}) {
    await audit.record(trx, auditActorOf(actor), {
      action: `programs.resource.${action}`,
      objectType: 'teaching_resource',
      objectId: id,
      details: { ...details },
    });
  }

  async function createResource(
    actor: Actor,
    input: ResourceInput & { schoolId?: string; fileId: string; requestSharing: boolean },
  ) {
    const { schoolId, districtId } = await resolveSchool(db, actor, input.schoolId);
    await checkOwnFiles(db, actor, [input.fileId], () => 'fileId');
    const values = await prepare(schoolId, input);
    if (input.requestSharing) assertShareable(input.licence);
    const id = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await trx
        .insertInto('teachingResource')
        .values({
          schoolId,
          districtId,
          ...values,
          fileId: input.fileId,
          shareState: input.requestSharing ? 'pending' : 'private',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('teachingResourceUsage')
        .values({ resourceId: row.id, lastUsedAt: null })
        .execute();
      await record(trx, actor, 'created', row.id, { schoolId, title: values.title, fileId: input.fileId });
      if (input.requestSharing) await record(trx, actor, 'sharing_requested', row.id);
      return row.id;
    });
    return afterWrite(actor, id);
  }

  /** Edits the description; a shared resource goes back to review (what was reviewed changed). */
  async function updateResource(actor: Actor, id: string, input: ResourceInput) {
    const r = await loadForChange(actor, id);
    const values = await prepare(r.schoolId, input);
    const shareState: ResourceShareState =
      r.shareState === 'shared' ? (input.licence === 'school_only' ? 'private' : 'pending') : r.shareState;
    if (shareState === 'pending') assertShareable(input.licence);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('teachingResource')
        .set({ ...values, shareState, sharedOn: null, updatedAt: clock.now() })
        .where('id', '=', id)
        .execute();
      await record(trx, actor, 'updated', id, { title: values.title, shareState });
    });
    return afterWrite(actor, id);
  }

  async function deleteResource(actor: Actor, id: string) {
    const r = await loadForChange(actor, id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('teachingResource').where('id', '=', id).execute();
      await record(trx, actor, 'deleted', id, { title: r.title, fileId: r.fileId, shareState: r.shareState });
    });
    deps.onWrite?.();
  }

  async function requestSharing(actor: Actor, id: string) {
    const r = await loadFor(actor, id);
    const may = mayManageSchool(actor, r.schoolId);
    if (!may || !['private', 'refused'].includes(r.shareState)) throw refusal(may);
    assertShareable(r.licence);
    await db.transaction().execute(async (trx) => {
      await transition(trx, id, r.shareState, { shareState: 'pending', refusalReason: null });
      await record(trx, actor, 'sharing_requested', id);
    });
    return afterWrite(actor, id);
  }

  /** The district's decision on a sharing request: shared district-wide, or refused with a reason. */
  async function reviewSharing(actor: Actor, id: string, input: { share: boolean; reason: string }) {
    const r = await loadFor(actor, id);
    const may = mayReview(actor, r.districtId);
    if (!may || r.shareState !== 'pending') throw refusal(may);
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
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await transition(trx, id, 'pending', {
        shareState: input.share ? 'shared' : 'refused',
        sharedOn: input.share ? chinaDate(now) : null,
        refusalReason: input.share ? null : reason,
        reviewedBy: actor.userId,
        reviewedAt: now,
      });
      await record(trx, actor, input.share ? 'shared' : 'sharing_refused', id, input.share ? {} : { reason });
    });
    return afterWrite(actor, id);
  }

  async function transition(
    trx: Executor,
    id: string,
    from: ResourceShareState,
    set: Updateable<TeachingResourceTable> & { shareState: ResourceShareState },
  ) {
    const updated = await trx
      .updateTable('teachingResource')
      .set({ ...set, updatedAt: clock.now() })
      .where('id', '=', id)
      .where('shareState', '=', from)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('PROGRAM_INVALID_TRANSITION', 409);
  }

  /**
   * Opens a resource's file for `mode`: a preview is served inline when the type is safe to show
   * (PDF, images), otherwise — and for every download — as an attachment. Counted and audited
   * in one transaction before the first byte is sent.
   */
  async function openFile(actor: Actor, id: string, mode: 'preview' | 'download') {
    const r = await loadFor(actor, id);
    const file = await db
      .selectFrom('storedFile')
      .selectAll()
      .where('id', '=', r.fileId)
      .executeTakeFirstOrThrow();
    const inline = mode === 'preview' && PREVIEWABLE_MIME.includes(file.mime);
    const used = inline ? 'preview' : 'download';
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('teachingResourceUsage')
        .values({
          resourceId: id,
          previews: inline ? 1 : 0,
          downloads: inline ? 0 : 1,
          lastUsedAt: clock.now(),
        })
        .onConflict((oc) =>
          oc.column('resourceId').doUpdateSet((eb) => ({
            previews: eb('teachingResourceUsage.previews', '+', inline ? 1 : 0),
            downloads: eb('teachingResourceUsage.downloads', '+', inline ? 0 : 1),
            lastUsedAt: clock.now(),
          })),
        )
        .execute();
      await record(trx, actor, used === 'preview' ? 'previewed' : 'downloaded', id, { fileId: file.id });
    });
    return {
      inline,
      name: file.originalName,
      mime: file.mime,
      size: file.sizeBytes,
      // The file store's layout (platform/files/file-store.ts): uploads/<storageKey> under the data dir.
      stream: fs.createReadStream(path.join(deps.dataDir, 'uploads', file.storageKey)),
    };
  }

  return {
    search,
    getResource,
    createResource,
    updateResource,
    deleteResource,
    requestSharing,
    reviewSharing,
    openFile,
  };
}

function assertShareable(licence: ResourceLicence): void {
  if (licence === 'school_only') throw new AppError('PROGRAM_RESOURCE_NOT_SHAREABLE', 409);
}

export type ResourcesService = ReturnType<typeof createResourcesService>;
