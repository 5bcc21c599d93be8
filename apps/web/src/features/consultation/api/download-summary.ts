import { useMutation } from '@tanstack/react-query';
import { download } from '@/lib/api-client';

export interface SummaryFile {
  id: string;
  format: 'docx' | 'pdf';
  lang: 'zh' | 'en';
}

/** The name a summary saves under when the server names none. */
export const summaryFileName = (f: SummaryFile) => `征求意见采纳情况说明.${f.format}`;

/** Saves the feedback summary (采纳情况说明) of a closed consultation, for its editors. */
export async function downloadSummary(f: SummaryFile) {
  const options = { path: { id: f.id }, query: { lang: f.lang } };
  if (f.format === 'pdf')
    await download('get', '/api/consultations/{id}/summary.pdf', options, summaryFileName(f));
  else await download('get', '/api/consultations/{id}/summary.docx', options, summaryFileName(f));
}

export function useDownloadSummary() {
  return useMutation({ mutationFn: downloadSummary });
}
