import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Media types of the documents Zhijiao sends. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  any: 'application/octet-stream',
} as const;

/**
 * The OpenAPI description of a file answer (a document, a spreadsheet, an upload), so binary
 * downloads are in the API document and the generated client types like every JSON answer.
 *
 * @example response: withErrors({ 200: fileResponse('The minutes (会议纪要)', MEDIA_TYPES.pdf, MEDIA_TYPES.docx) })
 */
export function fileResponse(description: string, ...mediaTypes: string[]) {
  const binary = { type: 'string', format: 'binary' } as const;
  return { description, content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: binary }])) };
}

export interface FileAnswer {
  body: Buffer | Readable;
  mediaType: string;
  /** The name the browser saves it under (any characters; sent RFC 5987-encoded). */
  filename: string;
  size?: number;
  /** Shown in the browser instead of saved (only for types checked safe to show). */
  inline?: boolean;
}

/** Sends a file: its type, its name, never sniffed by the browser. */
export function sendFile(reply: FastifyReply, file: FileAnswer) {
  if (file.size !== undefined) reply.header('content-length', file.size);
  return reply
    .header('content-type', file.mediaType)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.body);
}
