import { ERROR_MESSAGES, type ErrorCode } from '@zhijiao/contracts';

/**
 * The one error services throw. `status` is a hint for the HTTP layer; services never know HTTP.
 * `details` carries field problems: `[{ field, code, message, messageEn }]`, or per-row lists.
 *
 * @example throw new AppError('PROGRESS_NOT_RESPONSIBLE', 403)
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number = 400,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code].en);
  }
}

/**
 * A refusal to be retried later (429): the error handler sends `Retry-After` with the seconds.
 *
 * @example throw new RetryLaterError('AUTH_THROTTLED', 600)
 */
export class RetryLaterError extends AppError {
  constructor(
    code: ErrorCode,
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(code, 429, [
      {
        field: '',
        code: 'RETRY_AFTER',
        message: `请在 ${minutes} 分钟后再试`,
        messageEn: `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        retryAfterSeconds,
      },
    ]);
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND', 404);
export const forbidden = (): AppError => new AppError('FORBIDDEN', 403);

/** A single-field validation failure, e.g. `fieldError('narrative', 'REQUIRED', '请填写进展情况', 'Narrative is required')`. */
export function fieldError(field: string, code: string, message: string, messageEn: string): AppError {
  return new AppError('VALIDATION_FAILED', 400, [{ field, code, message, messageEn }]);
}

/**
 * One refused item of an all-or-nothing batch, as an error detail: its field (`commentIds[2]`),
 * the code and the code's own messages.
 *
 * @example refusedItem('candidateIds[1]', 'ENROLLMENT_SEASON_STATE')
 */
export function refusedItem(field: string, code: ErrorCode) {
  return { field, code, message: ERROR_MESSAGES[code].zh, messageEn: ERROR_MESSAGES[code].en };
}
