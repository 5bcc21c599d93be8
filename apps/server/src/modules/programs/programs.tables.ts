/** Tables of the programs module as Kysely sees them. */
export type ProgramTables = Record<never, never>;
