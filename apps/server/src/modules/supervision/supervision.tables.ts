/** Tables of the supervision module as Kysely sees them. */
export type SupervisionTables = Record<never, never>;
