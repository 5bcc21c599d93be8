import { useMutation } from '@tanstack/react-query';
import { download } from '@/lib/api-client';
import { summaryFileName, type SummaryFile } from './download-summary';

/** Saves the published feedback summary (采纳情况说明) from the portal, no sign-in needed. */
export async function downloadPublicSummary(f: SummaryFile) {
  const options = { path: { id: f.id }, query: { lang: f.lang } };
  if (f.format === 'pdf')
    await download('get', '/api/public/consultations/{id}/summary.pdf', options, summaryFileName(f));
  else await download('get', '/api/public/consultations/{id}/summary.docx', options, summaryFileName(f));
}

export function useDownloadPublicSummary() {
  return useMutation({ mutationFn: downloadPublicSummary });
}
