import { legacyApi } from '@/lib/api-client';
import type { UploadedFile } from '@/lib/api-types';

/** Uploads one evidence file as multipart field `file` (201); the answer's id goes into the report. */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return legacyApi<UploadedFile>('/api/files', { method: 'POST', body: form, signal });
}
