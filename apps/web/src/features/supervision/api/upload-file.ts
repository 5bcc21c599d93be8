import { legacyApi } from '@/lib/api-client';
import type { UploadedFile } from '@/lib/api-types';

/** Uploads one evidence file (佐证材料) to `POST /api/files`, as the progress report form does. */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return legacyApi<UploadedFile>('/api/files', { method: 'POST', body: form, signal });
}
