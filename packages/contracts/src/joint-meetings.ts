/** The joint meeting (联席会议): meetings, unit status reports, decisions and action items: enums and error messages shared by server and web. */

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const MEETING_ERRORS = {} as const satisfies Record<string, { zh: string; en: string }>;
