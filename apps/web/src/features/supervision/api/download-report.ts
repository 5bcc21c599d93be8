import { download } from '@/lib/api-client';
import type { Lang } from '@/lib/lang';

const PATHS = {
  docx: '/api/supervision/inspections/{id}/report.docx',
  pdf: '/api/supervision/inspections/{id}/report.pdf',
} as const;

/**
 * Downloads the supervision report (督导报告) of an inspection as DOCX or PDF in the chosen
 * language. Fetched rather than linked, so a refusal shows as a message instead of a JSON page.
 */
export function downloadReport(id: string, format: 'docx' | 'pdf', lang: Lang): Promise<void> {
  return download('get', PATHS[format], { path: { id }, query: { lang } }, `report.${format}`);
}
