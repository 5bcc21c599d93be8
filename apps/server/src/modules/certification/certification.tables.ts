import type { ColumnType, Generated } from 'kysely';
import type { CertificationOpinion, CertificationState, IncentiveKind } from '@zhijiao/contracts';
import type { CertificationEvaluation, CertificationEvidence } from './certification.rules.ts';

/** numeric columns: written as numbers, read as numbers (the pg type parser maps numeric). */
type Numeric = ColumnType<number, number, number>;

/** What a decision or a re-check was taken on: the date, the evidence measured and its evaluation. */
export interface EvaluationSnapshot {
  date: string;
  evidence: CertificationEvidence;
  evaluation: CertificationEvaluation;
}
type Snapshot = ColumnType<EvaluationSnapshot, string, string>;

/** An enterprise's application (申报) for 产教融合型企业 for a year, and its decision. */
export interface CertificationApplicationTable {
  id: Generated<string>;
  enterpriseId: string;
  districtId: string;
  year: number;
  /** The enterprise itself, or the register's keeper (区工信局) applying on its behalf. */
  appliedByUnitId: string;
  appliedOn: string;
  statement: Generated<string>;
  state: CertificationState;
  decidedOn: string | null;
  decisionNote: Generated<string>;
  /** The evaluation the decision was taken on; never recomputed. */
  evaluation: Snapshot | null;
  certifiedOn: string | null;
  validUntil: string | null;
  revokedOn: string | null;
  revokeReason: Generated<string>;
  createdAt: Date;
  updatedAt: Date;
}

export interface CertificationEventTable {
  id: Generated<string>;
  applicationId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

/** One bureau's line on the joint-review sheet (会签单). */
export interface CertificationOpinionTable {
  applicationId: string;
  bureauId: string;
  opinion: CertificationOpinion;
  comment: Generated<string>;
  givenOn: string;
  actorId: string | null;
}

/** A yearly re-check (年度复核) of a certification, with the evaluation it was taken on. */
export interface CertificationRecheckTable {
  id: Generated<string>;
  applicationId: string;
  checkedOn: string;
  passed: boolean;
  evaluation: ColumnType<EvaluationSnapshot, string, string>;
  comment: Generated<string>;
  actorId: string | null;
  createdAt: Date;
}

/** One incentive (组合式激励) granted to a certified enterprise. */
export interface CertificationIncentiveTable {
  id: Generated<string>;
  enterpriseId: string;
  /** The certification in force on the grant's date. */
  applicationId: string;
  districtId: string;
  kind: IncentiveKind;
  grantingUnitId: string;
  /** Who granted it when not a bureau of the district (a bank, via 区发改科技局). */
  grantor: Generated<string>;
  amount: Numeric | null;
  measure: Generated<string>;
  grantedOn: string;
  basisNumber: Generated<string>;
  basisFileId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface CertificationTables {
  certificationApplication: CertificationApplicationTable;
  certificationEvent: CertificationEventTable;
  certificationOpinion: CertificationOpinionTable;
  certificationRecheck: CertificationRecheckTable;
  certificationIncentive: CertificationIncentiveTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends CertificationTables {}
}
