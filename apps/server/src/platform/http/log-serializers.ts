import type { FastifyRequest } from 'fastify';

/** Query parameters holding free text a user typed (a search, a name filter): never logged. */
const FREE_TEXT_PARAMS = ['q'];

/**
 * The request URL as the log may keep it: free-text query parameters (`q`, which may name a
 * person) replaced by `[redacted]`, everything else as sent.
 *
 * @example redactedUrl('/api/search?q=张三&kind=teacher') // '/api/search?q=%5Bredacted%5D&kind=teacher'
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  if (!FREE_TEXT_PARAMS.some((p) => params.has(p))) return url;
  for (const p of FREE_TEXT_PARAMS) if (params.has(p)) params.set(p, '[redacted]');
  return `${url.slice(0, at)}?${params.toString()}`;
}

/** Fastify's request log line (method, url, host, remote address) with the URL redacted. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
