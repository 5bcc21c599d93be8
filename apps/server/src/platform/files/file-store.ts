import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { AttachmentOwners } from './attachments.ts';
import { checkUpload, DEFAULT_ZIP_LIMITS, EXTENSIONS, IMPORT_KINDS, type FileKind } from './file-guard.ts';

/** A display name without path parts, control characters or characters Windows forbids. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('');
  return cleaned.slice(0, 200) || 'file';
}

/**
 * Evidence files accepted as attachments: PDF, images, Office files old (OLE2: .doc, .xls, .ppt)
 * and new, WPS Office's (.wps, .et, also OLE2) and OFD (GB/T 33190), the formats bureaus use.
 */
export const EVIDENCE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'ole', 'ofd'];

/** Where uploads are kept, relative to the data directory (`ZHIJIAO_DATA_DIR`). */
export const UPLOADS_FOLDER = 'uploads';

const KIND_LABELS: Record<FileKind, { zh: string; en: string }> = {
  pdf: { zh: 'PDF 文档', en: 'PDF document' },
  png: { zh: 'PNG 图片', en: 'PNG image' },
  jpeg: { zh: 'JPEG 图片', en: 'JPEG image' },
  gif: { zh: 'GIF 图片', en: 'GIF image' },
  webp: { zh: 'WebP 图片', en: 'WebP image' },
  zip: { zh: 'ZIP 压缩包', en: 'ZIP archive' },
  docx: { zh: 'Word 文档', en: 'Word document' },
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
  pptx: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' },
  ofd: { zh: 'OFD 版式文档（GB/T 33190）', en: 'OFD document (GB/T 33190)' },
  ole: { zh: '旧版 Office 及 WPS 文件', en: 'Legacy Office and WPS files' },
  txt: { zh: '纯文本', en: 'Plain text' },
};

/**
 * The upload rules in force, read from the very constants the guard checks with: the kinds each
 * upload accepts (by content, with their extensions), the size limit, the zip-bomb bounds.
 *
 * @example uploadRules(20 << 20).evidence[0] // { kind: 'pdf', label: {…}, extensions: ['pdf'] }
 */
export function uploadRules(maxBytes: number) {
  const kinds = (list: readonly FileKind[]) =>
    list.map((kind) => ({ kind, label: KIND_LABELS[kind], extensions: Object.keys(EXTENSIONS[kind]) }));
  return {
    evidence: kinds(EVIDENCE_KINDS),
    imports: kinds(IMPORT_KINDS),
    maxBytes,
    zip: DEFAULT_ZIP_LIMITS,
    storage: { folder: UPLOADS_FOLDER, pattern: `${UPLOADS_FOLDER}/<yyyy>/<uuid>` },
  };
}

/**
 * Uploaded files: checked (size, type by magic bytes, extension, zip-bomb guard), stored outside
 * the web root under generated names (`uploads/<yyyy>/<uuid>`), owned by the uploader's unit.
 */
export function createFileStore(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  /** The modules' owners of attachments: who may read which file. */
  attachments: AttachmentOwners;
  dataDir: string;
  maxBytes: number;
}) {
  const { db, audit, clock } = deps;
  const root = path.join(deps.dataDir, UPLOADS_FOLDER);

  async function storeUpload(actor: Actor, input: { buffer: Buffer; filename: string }) {
    const name = safeFileName(input.filename);
    const check = checkUpload({
      buffer: input.buffer,
      declaredName: name,
      allowed: EVIDENCE_KINDS,
      maxBytes: deps.maxBytes,
    });
    if (!check.ok) {
      const code = check.code.startsWith('ZIP_') ? 'FILE_REJECTED' : check.code;
      throw new AppError(code as 'FILE_REJECTED', code === 'FILE_TOO_LARGE' ? 413 : 400, [
        { field: 'file', code: check.code, message: check.zh, messageEn: check.en },
      ]);
    }
    const now = clock.now();
    const storageKey = `${now.getUTCFullYear()}/${randomUUID()}`;
    const target = path.join(root, storageKey);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.writeFileSync(target, input.buffer, { mode: 0o600 });
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('storedFile')
          .values({
            orgUnitId: actor.orgUnitId,
            uploadedBy: actor.userId,
            originalName: name,
            kind: check.kind,
            mime: check.mime,
            sizeBytes: input.buffer.length,
            sha256: createHash('sha256').update(input.buffer).digest('hex'),
            storageKey,
            createdAt: now,
          })
          .returning(['id', 'originalName as name', 'sizeBytes', 'mime'])
          .executeTakeFirstOrThrow();
        await audit.record(trx, auditActorOf(actor), {
          action: 'file.upload',
          objectType: 'file',
          objectId: row.id,
          details: { name, kind: check.kind, size: input.buffer.length },
        });
        return row;
      });
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
  }

  /**
   * A file the actor may read: one they uploaded themselves (the upload form lists it before the
   * record it is for is saved), or one attached to a record the actor may read, as the module owning
   * that record decides (`attachments`). Anything else is not there (404): neither a file attached to
   * nothing the actor reads, nor one of a module the actor has no access to, whatever the uploader's
   * unit. Every download is audited with the record it was allowed through.
   */
  async function openFile(actor: Actor, id: string) {
    const row = await db.selectFrom('storedFile').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const own = row.uploadedBy === actor.userId;
    const record = own ? null : await deps.attachments.readableRecord(actor, id);
    if (!own && !record) throw notFound();
    await db.transaction().execute((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'file.download',
        objectType: 'file',
        objectId: id,
        details: record ? { recordType: record.type, recordId: record.id } : { uploader: true },
      }),
    );
    return content(row);
  }

  /**
   * A stored file's content, for a module that has checked the reader's access itself (a teaching
   * resource shared district-wide is read by other schools than the uploader's). Not audited here:
   * the module audits the use.
   */
  async function openStoredFile(id: string) {
    const row = await db
      .selectFrom('storedFile')
      .select(['originalName', 'mime', 'sizeBytes', 'storageKey'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return content(row);
  }

  function content(row: { originalName: string; mime: string; sizeBytes: number; storageKey: string }) {
    return {
      name: row.originalName,
      mime: row.mime,
      size: row.sizeBytes,
      stream: fs.createReadStream(path.join(root, row.storageKey)),
    };
  }

  return { storeUpload, openFile, openStoredFile };
}

export type FileStore = ReturnType<typeof createFileStore>;
