import type { Generated } from 'kysely';

/** A public consultation on one draft plan version. */
export interface ConsultationTable {
  id: Generated<string>;
  planId: string;
  districtId: string;
  title: string;
  description: Generated<string>;
  status: Generated<'draft' | 'open' | 'closed'>;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  /** Date printed on the feedback summary (采纳情况说明), set when the consultation closes. */
  summaryDate: string | null;
  /** The next draft version created from this consultation's edits. */
  revisionPlanId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** A comment from the public on one clause, with its moderation, reply and adoption decision. */
export interface ConsultationCommentTable {
  id: Generated<string>;
  consultationId: string;
  /** Number of the comment within its consultation (意见 1, 2, …). */
  seq: number;
  clauseKey: string;
  body: string;
  authorName: string | null;
  /** Contact encrypted with the field crypto; never returned by a public route. */
  contactCipher: string | null;
  contactKind: 'mobile' | 'email' | null;
  status: Generated<'pending' | 'published' | 'rejected'>;
  rejectReason: string | null;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  reply: string | null;
  decision: 'adopted' | 'partly_adopted' | 'not_adopted' | null;
  decisionReason: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
  createdAt: Date;
}

export interface ConsultationRateEventTable {
  clientHash: string;
  at: Date;
}

export interface ConsultationChallengeUseTable {
  nonce: string;
  expiresAt: Date;
}

/** Tables of the consultation module as Kysely sees them. */
export interface ConsultationTables {
  consultation: ConsultationTable;
  consultationComment: ConsultationCommentTable;
  consultationRateEvent: ConsultationRateEventTable;
  consultationChallengeUse: ConsultationChallengeUseTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends ConsultationTables {}
}
