/** Supervision (督导): inspections, findings, rectification orders, interviews, rewards and penalties: enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const SUPERVISION_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
