/** Limits of the public result look-up (录取结果查询). */

/** Result look-ups allowed per client (IPv4 address or IPv6 /64) in `LOOKUP_WINDOW_MS`. */
export const LOOKUP_LIMIT = 10;
export const LOOKUP_WINDOW_MS = 15 * 60_000;
/** Failed look-ups of one exam number, from any IP, in `FAILED_LOOKUP_WINDOW_MS` before it is refused. */
export const FAILED_LOOKUP_LIMIT = 5;
export const FAILED_LOOKUP_WINDOW_MS = 3600_000;
/** Counter rows older than this are deleted as new ones come. */
export const LOOKUP_KEEP_MS = 24 * 3600_000;

/** `at` minus `ms`, as a date. */
export const before = (at: Date, ms: number) => new Date(at.getTime() - ms);
