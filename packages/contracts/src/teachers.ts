/** Teachers (教师队伍): the register, work history, certificates, 双师型 recognition, the ratio and the recruitment rule: enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const TEACHER_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
