/**
 * The learner's transcript (成绩单 / 学分档案, issue 14): what the server, the web page and the
 * public verification share about it — the Open Badges 3.0 terms a transcript credential is told
 * apart by.
 *
 * A transcript credential is an `OpenBadgeCredential` whose achievement has the achievementType
 * `TRANSCRIPT_ACHIEVEMENT_TYPE`; each line is a `Result` whose `resultDescription` has one of the
 * `TRANSCRIPT_RESULT_TYPES` (OB 3.0 allows extension terms prefixed `ext:`) and whose `value` is the
 * credits as a decimal string ("8", "7.5").
 */
import type { LearnerKind, LearnerStatus, OutcomeLevel, OutcomeType } from './learners.ts';

/** The achievementType of a transcript credential (an OB 3.0 extension term). */
export const TRANSCRIPT_ACHIEVEMENT_TYPE = 'ext:Transcript';

/** The resultType of each kind of transcript line. */
export const TRANSCRIPT_RESULT_TYPES = {
  /** A recognised outcome: the credits standing for it in the credit account. */
  outcome: 'ext:RecognisedCredits',
  /** An approved conversion: the courses exempted and the credits it used. */
  conversion: 'ext:ConvertedCredits',
  totalRecognised: 'ext:TotalRecognisedCredits',
  totalConverted: 'ext:TotalConvertedCredits',
  /** The account's balance: the sum of its entries (also the subject's creditsEarned). */
  balance: 'ext:CreditBalance',
} as const;

export type TranscriptResultType = (typeof TRANSCRIPT_RESULT_TYPES)[keyof typeof TRANSCRIPT_RESULT_TYPES];

/**
 * A learner's transcript as `GET /api/learners/:id/transcript` answers it. Credits are in tenths
 * of a credit (8 credits = 80), as everywhere in the credit bank. The totals come from the credit
 * account: `balance` is the sum of its entries, `recognised − converted`.
 */
export interface Transcript {
  learner: {
    id: string;
    name: string;
    /** The ID number masked (first 6 and last 4), never in clear. */
    idMasked: string;
    school: { id: string; name: string };
    /** A student of the school or a social learner it trains (no major, class or register status). */
    kind: LearnerKind;
    majorCode: string;
    majorName: string;
    className: string;
    cohortYear: number;
    status: LearnerStatus;
    statusSince: string;
    /** The status history, oldest first: dates and statuses only (reasons stay on the register). */
    history: { fromStatus: LearnerStatus | null; toStatus: LearnerStatus; changedOn: string }[];
  };
  /** The recognised outcomes, oldest achieved first, with the credits standing for each. */
  outcomes: {
    id: string;
    type: OutcomeType;
    title: string;
    level: OutcomeLevel | null;
    issuer: string;
    number: string | null;
    achievedOn: string;
    recognisedOn: string | null;
    credits: number;
    converted: number;
  }[];
  /** The approved conversions still standing, oldest first. */
  conversions: {
    id: string;
    outcomeId: string;
    outcomeTitle: string;
    courses: string[];
    credits: number;
    approvedOn: string | null;
  }[];
  totals: { recognised: number; converted: number; balance: number };
  generatedAt: string;
}
