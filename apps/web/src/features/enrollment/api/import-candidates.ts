import { postForm } from '@/lib/api-client';
import type { ImportResult } from '../types';
import { useEnrollmentMutation } from './keys';

/**
 * Uploads the exam office's .xlsx; all or nothing. A refusal is an `ApiError` whose `details` list
 * every problem by row and column (`ENROLLMENT_IMPORT_INVALID`).
 */
export function importCandidates({
  seasonId,
  file,
}: {
  seasonId: string;
  file: File;
}): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm('/api/enrollment/seasons/{id}/candidate-imports', form, { path: { id: seasonId } });
}

export function useImportCandidates() {
  return useEnrollmentMutation(importCandidates);
}
