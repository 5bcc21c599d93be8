/** Public consultation (征求意见) on a draft plan: comments, moderation, replies, adoption: enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const CONSULTATION_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
