import { ApiError, legacyApi, withQuery } from '@/lib/api-client';
import { getLang } from '@/lib/lang';

/** The filename of `content-disposition: attachment; filename*=UTF-8''…`, else a fallback. */
function filenameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads an .xlsx from the API (the export or the import template). Fetched rather than linked,
 * so a refusal shows as a message instead of a JSON page.
 */
export async function downloadXlsx(
  path: string,
  query: Record<string, string | boolean | undefined>,
  fallback: string,
) {
  const response = await fetch(withQuery(path, query), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN' },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? '',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(response.headers.get('content-disposition'), fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ImportResult {
  importId: string;
  repeated: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Uploads the register .xlsx to `POST /api/teachers/imports` (all or nothing). */
export function importRegister(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return legacyApi<ImportResult>('/api/teachers/imports', { method: 'POST', body: form });
}
