import { download } from '@/lib/api-client';

/** `GET /api/enterprises/import-template.xlsx`: downloads the blank import template. */
export function downloadImportTemplate() {
  return download('get', '/api/enterprises/import-template.xlsx', {}, 'template.xlsx');
}
