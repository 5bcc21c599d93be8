import type { ApiPath, ApiRequest, ApiResponse, HttpMethod } from '@zhijiao/contracts/api';
import { ApiError, NETWORK_ERROR } from './api-error';
import { getLang } from './lang';

export { ApiError } from './api-error';
export type { ApiBody, ApiPath, ApiQuery, ApiResponse } from '@zhijiao/contracts/api';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: Method;
  /** JSON-serialised unless it is FormData (multipart upload). */
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /**
   * Whether a 401 sends the browser to /login. Off for `/api/auth/me` (the public home asks
   * whether someone is signed in) and for login itself (401 means wrong password there).
   */
  redirectOn401?: boolean;
}

/** Where the client sends the user; the app installs the router's `navigate`. */
type Navigator = (path: string) => void;

let csrfToken: string | null = null;
let navigate: Navigator = (path) => window.location.assign(path);
let onSessionLost: () => void = () => {};

/** Keeps the CSRF token of the session in memory (from `/api/auth/me` or the login answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the client navigate inside the single-page app instead of reloading it. */
export function setNavigator(next: Navigator): void {
  navigate = next;
}

/**
 * Called when a request finds the session gone (401), before the redirect to /login: the app
 * forgets the cached user there, else the login page would send the user straight back.
 */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds `/api/x?a=1&b=2`, skipping empty values. */
function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function onAuthProblem(status: number, code: string, redirectOn401: boolean): void {
  const here = window.location.pathname;
  if (status === 401 && redirectOn401 && here !== '/login') {
    csrfToken = null;
    onSessionLost();
    navigate(`/login?next=${encodeURIComponent(here + window.location.search)}`);
  } else if (status === 403 && code === 'AUTH_PASSWORD_CHANGE_REQUIRED' && here !== '/account/password') {
    navigate('/account/password');
  } else if (status === 403 && code === 'AUTH_TOTP_ENROLMENT_REQUIRED' && here !== '/account/totp') {
    navigate('/account/totp');
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): fall through to a generic error.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, String(error.message ?? error.code), error.details);
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'INTERNAL' : 'HTTP_' + response.status,
    response.statusText,
  );
}

/** Sends the request with the session cookie, the CSRF token and the language; throws `ApiError` on non-2xx. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN',
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : 'network error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    onAuthProblem(error.status, error.code, options.redirectOn401 ?? true);
    throw error;
  }
  return response;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Options of a call besides what the route takes. */
interface CallOptions {
  signal?: AbortSignal;
  /** Whether a 401 sends the browser to /login (default true; off for `/api/auth/me` and login). */
  redirectOn401?: boolean;
}
type Call<M extends HttpMethod, P extends ApiPath<M>> = ApiRequest<M, P> & CallOptions;
/** The options argument: optional when nothing in it is required. */
type CallArgs<M extends HttpMethod, P extends ApiPath<M>> =
  object extends ApiRequest<M, P> ? [options?: Call<M, P>] : [options: Call<M, P>];

/**
 * `/api/teachers/{id}` with `{ id }` filled in (each value URI-encoded).
 *
 * @example apiUrl('/api/files/{id}', { id: file.id }) // '/api/files/3f2c…'
 */
export function apiUrl<P extends string>(path: P, params?: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}

function call<M extends HttpMethod>(method: M) {
  return <P extends ApiPath<M>>(path: P, ...[options]: CallArgs<M, P>): Promise<ApiResponse<M, P>> => {
    const o = (options ?? {}) as {
      path?: Record<string, string | number>;
      query?: Query;
      body?: unknown;
    } & CallOptions;
    return request(apiUrl(path, o.path), {
      method: method.toUpperCase() as Method,
      query: o.query,
      body: o.body,
      signal: o.signal,
      redirectOn401: o.redirectOn401,
    });
  };
}

/**
 * The API, typed by route from the server's OpenAPI document: the path, its parameters, query and
 * body, and the answer all come from `@zhijiao/contracts/api`, so a changed schema on the server
 * is a compile error here. JSON in and out, the session cookie (same origin), the CSRF token on
 * state-changing methods and the UI language as `Accept-Language`; throws `ApiError` on any
 * non-2xx answer.
 *
 * @example
 * const { teacher } = await api.get('/api/teachers/{id}', { path: { id } });
 * await api.post('/api/dq-applications/{id}/withdrawal', { path: { id } });
 */
export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  delete: call('delete'),
};

/** The filename of `content-disposition: attachment; filename*=UTF-8''…`, else a fallback. */
function filenameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Fetches a file answer (a document, a spreadsheet, an upload) and saves it under the name the
 * server gives, so a refusal shows as a message instead of a JSON page. A POST carries its body
 * (the public admission notice's check needs the ID number, which must never sit in a URL).
 *
 * @example await download('get', '/api/meetings/{id}/minutes.pdf', { path: { id }, query: { lang } }, '会议纪要.pdf');
 */
export async function download<M extends 'get' | 'post', P extends ApiPath<M>>(
  method: M,
  path: P,
  options: Call<M, P>,
  fallbackName: string,
): Promise<void> {
  const o = options as { path?: Record<string, string | number>; query?: Query; body?: unknown };
  const response = await send(
    apiUrl(path, o.path),
    { method: method.toUpperCase() as Method, query: o.query, body: o.body },
    '*/*',
  );
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A stored upload, as `POST /api/files` answers. */
export type UploadedFile = ApiResponse<'post', '/api/files'>;

/**
 * Uploads one file (multipart) to the file store; the answer's id is what evidence fields take.
 * The server checks size, type by magic bytes and zip bombs, and refuses with a field message.
 */
export function uploadFile(file: File | Blob, options: { signal?: AbortSignal; name?: string } = {}) {
  const form = new FormData();
  form.append('file', file, options.name ?? (file instanceof File ? file.name : 'file'));
  return request<UploadedFile>('/api/files', { method: 'POST', body: form, signal: options.signal });
}

/**
 * Sends a multipart form (an import file) to a route that reads `multipart/form-data`; typed by
 * the route's answer.
 */
export function postForm<P extends ApiPath<'post'>>(
  path: P,
  form: FormData,
  options: { path?: Record<string, string | number>; query?: Query; signal?: AbortSignal } = {},
): Promise<ApiResponse<'post', P>> {
  return request(apiUrl(path, options.path), {
    method: 'POST',
    body: form,
    query: options.query,
    signal: options.signal,
  });
}
