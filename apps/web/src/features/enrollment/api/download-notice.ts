import { download } from '@/lib/api-client';

/** Saves an admitted candidate's admission notice (录取通知书) PDF, for the receiving school. */
export function downloadNotice(candidateId: string, examNumber: string): Promise<void> {
  return download(
    'get',
    '/api/enrollment/candidates/{id}/admission-notice.pdf',
    { path: { id: candidateId } },
    `录取通知书-${examNumber}.pdf`,
  );
}
