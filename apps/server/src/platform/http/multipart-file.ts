import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/** What to tell a user who sent no file: 请选择要上传的文件, 请选择要导入的文件 … */
export interface MissingFileText {
  zh: string;
  en: string;
}

/** An upload over the limit (413), naming the limit. */
export function fileTooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError('FILE_TOO_LARGE', 413, [
    {
      field: 'file',
      code: 'FILE_TOO_LARGE',
      message: `文件过大，不能超过 ${mb} MB`,
      messageEn: `The file is too large; the limit is ${mb} MB`,
    },
  ]);
}

/**
 * A parser error: the multipart plugin's own limits keep their 4xx; a body the parser cannot read
 * (cut off, no boundary, broken headers) is the client's fault, 400, never a 500.
 */
function unreadable(error: unknown): AppError | Error {
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return error as Error;
  return new AppError('VALIDATION_FAILED', 400, [
    {
      field: 'file',
      code: 'MULTIPART_INVALID',
      message: '上传的内容不完整或格式不正确',
      messageEn: 'The multipart body is incomplete or malformed',
    },
  ]);
}

function missingFile(text: MissingFileText): AppError {
  return new AppError('VALIDATION_FAILED', 400, [
    { field: 'file', code: 'REQUIRED', message: text.zh, messageEn: text.en },
  ]);
}

/**
 * Reads the one file of a `multipart/form-data` request whole: its bytes and its name. No file (or
 * no multipart body) → 400 REQUIRED with `missing`; more than `maxBytes` → 413 FILE_TOO_LARGE;
 * a body the parser cannot read → 400 MULTIPART_INVALID; nothing is returned to store or import.
 *
 * The parser stops a part at the limit and marks it `truncated`, but `toBuffer()` only looks at the
 * mark while chunks still come: when the bytes up to the limit arrive in one network packet and the
 * excess in a later one, the part ends with no chunk after the mark, and `toBuffer()` returns the
 * first `maxBytes` bytes as if the file were whole. So the mark and the size are checked again once
 * the part is read.
 *
 * @example const { buffer, filename } = await readSingleFile(request, maxBytes, { zh: '请选择要上传的文件', en: 'No file in the request' });
 */
export async function readSingleFile(
  request: FastifyRequest,
  maxBytes: number,
  missing: MissingFileText,
): Promise<{ buffer: Buffer; filename: string }> {
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return undefined;
    throw unreadable(error);
  });
  if (!part) throw missingFile(missing);
  const buffer = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    throw unreadable(error);
  });
  if (part.file.truncated || buffer.length > maxBytes) throw fileTooLarge(maxBytes);
  return { buffer, filename: part.filename };
}
