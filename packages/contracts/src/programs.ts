/** Programs (专业与课程): majors, courses, textbooks, recognised projects and the teaching resource library: enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const PROGRAM_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
