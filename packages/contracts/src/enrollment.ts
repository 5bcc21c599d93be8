/** The unified enrolment platform (统一招生): enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const ENROLLMENT_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
