/** Tables of the joint-meetings module as Kysely sees them. */
export type JointMeetingTables = Record<never, never>;
