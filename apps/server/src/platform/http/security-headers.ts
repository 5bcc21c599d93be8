import path from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * The Content-Security-Policy of every answer that does not set its own (the resource previews
 * do, stricter). The web app is built to pass it: Vite emits no inline script, so scripts come
 * from our own origin only and nothing may be evaluated; Ant Design writes its styles at run time
 * (CSS-in-JS `<style>` elements and `style` attributes), hence `'unsafe-inline'` for styles and
 * for styles alone. Data and blob images cover ECharts' exports and downloaded files. No page may
 * frame us, we frame nothing, and forms post only to ourselves.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer, errors and static files included. */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  // A Referer without path or query: page URLs carry search text and filters (/search?q=…), which
  // would reach the logs of proxies. Not no-referrer: under it the browser sends `Origin: null` on
  // a POST, and the public forms' same-origin check reads Origin.
  reply.header('referrer-policy', 'strict-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (!reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  }
}

/**
 * Caching of the web app's files: the build names everything under `assets/` by its content hash,
 * so those never change and are kept a year; anything else (index.html, the favicon) is checked
 * with the server on every use, so a new release is seen at once.
 */
export function staticCacheControl(webRoot: string, filePath: string): string {
  const relative = path.relative(webRoot, filePath).split(path.sep);
  return relative[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}
