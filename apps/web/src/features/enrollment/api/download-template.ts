import { downloadFile } from './download';
import { enc } from './keys';

/** Saves the season's blank candidate import template (.xlsx). */
export function downloadTemplate(seasonId: string): Promise<void> {
  return downloadFile(`/api/enrollment/seasons/${enc(seasonId)}/candidates/template.xlsx`, 'template.xlsx');
}
