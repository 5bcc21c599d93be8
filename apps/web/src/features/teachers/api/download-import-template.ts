import { download } from '@/lib/api-client';

/** `GET /api/teachers/import-template.xlsx`: downloads the blank register import template. */
export function downloadImportTemplate() {
  return download('get', '/api/teachers/import-template.xlsx', {}, 'template.xlsx');
}
