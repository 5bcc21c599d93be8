import { download } from '@/lib/api-client';

/** Saves the season's blank candidate import template (.xlsx). */
export function downloadTemplate(seasonId: string): Promise<void> {
  return download(
    'get',
    '/api/enrollment/seasons/{id}/candidates/template.xlsx',
    { path: { id: seasonId } },
    'template.xlsx',
  );
}
