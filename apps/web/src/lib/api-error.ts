import type { FieldIssue } from '@zhijiao/contracts';

/**
 * A non-2xx answer from the API: `{ error: { code, message, details? } }`. `message` is what the
 * server sent; show text through `describeError` (error-text.ts), which maps `code` in one place.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field problems of a validation error (`details` as `[{ field, code, message, messageEn }]`). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof (d as FieldIssue).field === 'string',
    );
  }
}

/** Code used when the request never got an answer (offline, server down). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
