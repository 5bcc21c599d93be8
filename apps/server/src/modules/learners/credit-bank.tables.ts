import type { ColumnType, Generated } from 'kysely';
import type { LedgerEntryKind, OutcomeLevel, OutcomeStatus, OutcomeType } from '@zhijiao/contracts';
import type { CreditBankReason } from './recognition.rules.ts';

/** A version of a district's learning-outcome catalogue (学习成果名录) for a year (migration 0037). */
export interface OutcomeCatalogueTable {
  id: Generated<string>;
  districtId: string;
  year: number;
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: Date;
}

/** One line of a catalogue version: a type (optionally one certificate) at a level, its suggested credits (tenths). */
export interface OutcomeCatalogueEntryTable {
  catalogueId: string;
  position: number;
  type: OutcomeType;
  certificateCode: string | null;
  certificateName: string;
  level: OutcomeLevel | null;
  suggestedCredits: number;
}

/** A learner's learning outcome, with its status (待认定 / 已认定 / 不予认定 / 已撤销). */
export interface LearningOutcomeTable {
  id: Generated<string>;
  learnerId: string;
  schoolId: string;
  districtId: string;
  type: OutcomeType;
  /** The certificate's, course's or award's name. */
  title: string;
  certificateCode: string | null;
  level: OutcomeLevel | null;
  /** 培训评价组织, school, competition organiser … (trimmed). */
  issuer: string;
  /** The certificate number as written, and normalised (no spaces, upper case) for the one-outcome rule. */
  number: string | null;
  numberKey: string | null;
  achievedOn: string;
  evidenceFileId: string | null;
  source: 'school' | 'import';
  importId: string | null;
  status: OutcomeStatus;
  /** The reviewer's words on a refusal or revocation. */
  statusReason: ColumnType<string, string | undefined, string>;
  /** The rule's reasons at a refusal (`[{ code, field, zh, en }]`). */
  statusReasons: ColumnType<CreditBankReason[], string | undefined, string>;
  decidedBy: string | null;
  decidedAt: Date | null;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A recognition (认定) of an outcome: its credits and the catalogue version it was judged by. */
export interface OutcomeRecognitionTable {
  id: Generated<string>;
  outcomeId: string;
  catalogueId: string;
  credits: number;
  note: string;
  recognisedBy: string | null;
  recognisedAt: Date;
}

/** One entry of a learner's credit account (append-only; ids from credit-ledger.rules.ts). */
export interface CreditLedgerEntryTable {
  learnerId: string;
  id: string;
  seq: Generated<number>;
  kind: LedgerEntryKind;
  outcomeId: string;
  credits: number;
  recognitionId: string | null;
  reverses: string | null;
  conversionId: string | null;
  ruleId: string | null;
  consumes: ColumnType<string[], string[] | undefined, never>;
  reason: string;
  postedBy: string | null;
  postedAt: Date;
}

/** A 1+X results file imported, by content hash per importing unit. */
export interface OutcomeImportTable {
  id: Generated<string>;
  orgUnitId: string;
  contentHash: string;
  fileName: string;
  rows: number;
  created: number;
  unchanged: number;
  /** Rows passed (合格) and failed (不合格). */
  passed: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  importedBy: string | null;
  importedAt: Date;
}

/** A school's conversion rule (转换规则), never changed once published. */
export interface ConversionRuleTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  /** The major it applies to, or null for every major of the school. */
  majorCode: string | null;
  outcomeType: OutcomeType;
  certificateCode: string | null;
  minLevel: OutcomeLevel | null;
  exempts: string[];
  /** The most credits the rule grants a learner, in tenths. */
  credits: number;
  validFrom: string;
  validTo: string | null;
  note: ColumnType<string, string | undefined, string>;
  createdBy: string | null;
  createdAt: Date;
}

/**
 * A learner's conversion under a rule: applied (checked and explained), then approved or refused;
 * an approved one may be reversed (撤销转换, migration 0041: its approval is kept).
 */
export interface CreditConversionTable {
  id: Generated<string>;
  learnerId: string;
  schoolId: string;
  districtId: string;
  ruleId: string;
  outcomeId: string;
  credits: number;
  courses: string[];
  explanationZh: string;
  explanationEn: string;
  status: 'applied' | 'approved' | 'refused' | 'reversed';
  statusReason: ColumnType<string, string | undefined, string>;
  appliedBy: string | null;
  appliedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reversedBy: ColumnType<string | null, string | null | undefined, string | null>;
  reversedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  reversalReason: ColumnType<string, string | undefined, string>;
}

/** One sitting of a 1+X certificate's assessment (考核记录, migration 0040): passed or not. */
export interface CertificateSittingTable {
  id: Generated<string>;
  learnerId: string;
  schoolId: string;
  districtId: string;
  /** The learner's major code when it sat. */
  majorCode: string;
  certificateCode: string | null;
  certificateName: string;
  level: OutcomeLevel;
  /** The 培训评价组织. */
  issuer: string;
  examOn: string;
  passed: boolean;
  /** The certificate (learning outcome) a pass made; null for a failure. */
  outcomeId: string | null;
  /** The results file it came from; null when the school recorded the certificate by hand. */
  importId: string | null;
  recordedAt: Date;
}

/** Tables of the credit bank as Kysely sees them. */
export interface CreditBankTables {
  outcomeCatalogue: OutcomeCatalogueTable;
  outcomeCatalogueEntry: OutcomeCatalogueEntryTable;
  learningOutcome: LearningOutcomeTable;
  outcomeRecognition: OutcomeRecognitionTable;
  creditLedgerEntry: CreditLedgerEntryTable;
  outcomeImport: OutcomeImportTable;
  conversionRule: ConversionRuleTable;
  creditConversion: CreditConversionTable;
  certificateSitting: CertificateSittingTable;
}

declare module '../../platform/db/database.types.ts' {
  interface Database extends CreditBankTables {}
}
