import { download, type ApiQuery } from '@/lib/api-client';

/** `GET /api/teachers/export.xlsx`: downloads the register as filtered (masked IDs and phones; audited). */
export function exportTeachers(query: ApiQuery<'get', '/api/teachers/export.xlsx'>) {
  return download('get', '/api/teachers/export.xlsx', { query }, 'teachers.xlsx');
}
