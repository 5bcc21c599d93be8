import { useMutation } from '@tanstack/react-query';
import { download } from '@/lib/api-client';

const MINUTES = { docx: '/api/meetings/{id}/minutes.docx', pdf: '/api/meetings/{id}/minutes.pdf' } as const;

/** Saves the issued minutes (会议纪要) as DOCX or PDF in the UI language. */
export async function downloadMinutes(input: { id: string; format: 'docx' | 'pdf'; lang: 'zh' | 'en' }) {
  const options = { path: { id: input.id }, query: { lang: input.lang } };
  const fallback = `会议纪要.${input.format}`;
  if (input.format === 'pdf') await download('get', MINUTES.pdf, options, fallback);
  else await download('get', MINUTES.docx, options, fallback);
}

export function useDownloadMinutes() {
  return useMutation({ mutationFn: downloadMinutes });
}
