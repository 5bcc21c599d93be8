import { legacyApi } from '@/lib/api-client';
import type { ImportResult } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/**
 * Uploads the exam office's .xlsx; all or nothing. A refusal is an `ApiError` whose `details` list
 * every problem by row and column (`ENROLLMENT_IMPORT_INVALID`).
 */
export async function importCandidates({
  seasonId,
  file,
}: {
  seasonId: string;
  file: File;
}): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return legacyApi<ImportResult>(`/api/enrollment/seasons/${enc(seasonId)}/candidate-imports`, {
    method: 'POST',
    body: form,
  });
}

export function useImportCandidates() {
  return useEnrollmentMutation(importCandidates);
}
