/** Tables of the consultation module as Kysely sees them. */
export type ConsultationTables = Record<never, never>;
