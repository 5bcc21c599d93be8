import { ApiError } from '@/lib/api-client';
import type { Lang } from '@/lib/lang';
import { enc } from './keys';

/** The filename of `content-disposition: attachment; filename*=UTF-8''…`, else a fallback. */
function filenameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads the supervision report (督导报告) of an inspection as DOCX or PDF in the chosen
 * language. Fetched rather than linked, so a refusal shows as a message instead of a JSON page.
 */
export async function downloadReport(id: string, format: 'docx' | 'pdf', lang: Lang): Promise<void> {
  const response = await fetch(`/api/supervision/inspections/${enc(id)}/report.${format}?lang=${lang}`, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' },
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
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(response.headers.get('content-disposition'), `report.${format}`);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
