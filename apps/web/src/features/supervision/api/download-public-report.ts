import { download } from '@/lib/api-client';
import type { Lang } from '@/lib/lang';

/**
 * Downloads a published supervision report (督导报告) as PDF for the public, in the chosen
 * language; fetched rather than linked, so a refusal shows as a message instead of a JSON page.
 */
export function downloadPublicReport(id: string, lang: Lang): Promise<void> {
  return download(
    'get',
    '/api/public/supervision-reports/{id}/report.pdf',
    { path: { id }, query: { lang } },
    'report.pdf',
  );
}
