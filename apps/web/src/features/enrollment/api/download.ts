import { ApiError } from '@/lib/api-client';
import { getLang } from '@/lib/lang';

/** The filename of `content-disposition: attachment; filename*=UTF-8''…`, else a fallback. */
function filenameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Fetches a file answer (template, admission notice) and saves it, so a refusal shows as a message
 * instead of a JSON page. `init` carries a POST body for the public notice (its check needs the ID
 * number, which must never sit in a URL).
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  init?: { method: 'POST'; body: unknown },
): Promise<void> {
  const response = await fetch(url, {
    method: init?.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN',
      ...(init ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init ? JSON.stringify(init.body) : undefined,
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
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
