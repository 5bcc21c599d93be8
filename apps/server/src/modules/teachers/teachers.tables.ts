/** Tables of the teachers module as Kysely sees them. */
export type TeacherTables = Record<never, never>;
