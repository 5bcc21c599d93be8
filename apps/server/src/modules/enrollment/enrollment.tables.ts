/** Tables of the enrollment module as Kysely sees them. */
export type EnrollmentTables = Record<never, never>;
