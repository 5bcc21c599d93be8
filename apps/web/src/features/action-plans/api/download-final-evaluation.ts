import { download } from '@/lib/api-client';
import type { Lang } from '@/lib/lang';

const PATHS = {
  docx: '/api/plans/{code}/final-evaluation.docx',
  pdf: '/api/plans/{code}/final-evaluation.pdf',
} as const;

/** Downloads the final evaluation report (终期评估报告) as DOCX or PDF in the chosen language. */
export function downloadFinalEvaluation(planCode: string, format: 'docx' | 'pdf', lang: Lang): Promise<void> {
  return download(
    'get',
    PATHS[format],
    { path: { code: planCode }, query: { lang } },
    `final-evaluation.${format}`,
  );
}
