import { downloadFile } from './download';
import { enc } from './keys';

/** Saves an admitted candidate's admission notice (录取通知书) PDF, for the receiving school. */
export function downloadNotice(candidateId: string, examNumber: string): Promise<void> {
  return downloadFile(
    `/api/enrollment/candidates/${enc(candidateId)}/admission-notice.pdf`,
    `录取通知书-${examNumber}.pdf`,
  );
}
