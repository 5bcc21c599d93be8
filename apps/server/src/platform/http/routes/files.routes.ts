import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Permission } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { uploadRules, type FileStore } from '../../files/file-store.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../file-reply.ts';
import { readSingleFile } from '../multipart-file.ts';
import { IdParams, withErrors } from '../schemas.ts';

const StoredFile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sizeBytes: Type.Number(),
  mime: Type.String(),
});

const ZhEn = Type.Object({ zh: Type.String(), en: Type.String() });
const Kinds = Type.Array(
  Type.Object({
    kind: Type.String({ description: 'The kind the guard recognises by the file’s first bytes' }),
    label: ZhEn,
    extensions: Type.Array(Type.String(), { description: 'Names it is accepted under' }),
  }),
);
const UploadRules = Type.Object({
  evidence: Kinds,
  imports: Kinds,
  maxBytes: Type.Integer({ description: 'Size limit of one file (ZHIJIAO_UPLOAD_MAX_MB)' }),
  zip: Type.Object({
    maxEntries: Type.Integer(),
    maxUncompressedBytes: Type.Integer(),
    maxRatio: Type.Number(),
  }),
  storage: Type.Object({
    folder: Type.String({ description: 'Folder under the data directory, outside the web root' }),
    pattern: Type.String({ description: 'How a stored file is named' }),
  }),
});

/** Who reads the upload rules: the district's coordinator, and the system administrator. */
const RULES_READERS = ['plan.manage', 'org.manage'] as const;

/**
 * Evidence uploads (multipart field `file`) and downloads (always as attachment, `nosniff`). A
 * download needs one of `readPermissions` (those the modules' attachment owners read with) or
 * `file.upload` (the uploader's own file); the file store then asks the owning module.
 */
export const filesRoutes: FastifyPluginAsyncTypebox<{
  files: FileStore;
  maxBytes: number;
  readPermissions: readonly Permission[];
}> = async (app, opts) => {
  app.post(
    '/api/files',
    {
      config: { permission: 'file.upload' },
      schema: {
        tags: ['files'],
        summary: 'Upload an evidence file (pdf, png, jpg, docx, xlsx)',
        consumes: ['multipart/form-data'],
        response: withErrors({ 201: StoredFile, 413: Type.Unknown() }),
      },
    },
    async (request, reply) => {
      const file = await readSingleFile(request, opts.maxBytes, {
        zh: '请选择要上传的文件',
        en: 'No file in the request',
      });
      const stored = await opts.files.storeUpload(request.actor!, file);
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/files/rules',
    {
      config: { permission: RULES_READERS },
      schema: {
        tags: ['files'],
        summary: 'The upload rules in force: kinds accepted (by content), size limit, zip bounds, storage',
        response: withErrors({ 200: UploadRules }),
      },
    },
    async () => uploadRules(opts.maxBytes),
  );

  app.get(
    '/api/files/:id',
    {
      config: { permission: ['file.upload', ...opts.readPermissions] },
      schema: {
        tags: ['files'],
        summary: 'Download a file: one you uploaded, or one attached to a record you may read',
        params: IdParams,
        response: withErrors({
          200: fileResponse('The file as uploaded, as an attachment', MEDIA_TYPES.any),
        }),
      },
    },
    async (request, reply) => {
      const file = await opts.files.openFile(request.actor!, request.params.id);
      return sendFile(reply, {
        body: file.stream,
        mediaType: file.mime,
        filename: file.name,
        size: file.size,
      });
    },
  );
};
