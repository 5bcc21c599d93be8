import { ApiError, NETWORK_ERROR } from './api-error';
import { getLang } from './lang';

export { ApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
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
export function withQuery(path: string, query?: Query): string {
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

/**
 * Calls the API: JSON in and out, the session cookie (same origin), the CSRF token on state-changing
 * methods and the UI language as `Accept-Language`. Throws `ApiError` on any non-2xx answer.
 *
 * @example const { items } = await api<{ items: Plan[] }>('/api/plans');
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
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
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
