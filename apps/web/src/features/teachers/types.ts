import type {
  CertificateKind,
  DqApplicationState,
  DqLevel,
  EducationLevel,
  HireRuleReason,
  ProfessionalTitle,
  SkillLevel,
  TeacherSeries,
} from '@zhijiao/contracts';
import type { UnitRef } from '@/lib/api-types';

/** Shapes of the teachers API (apps/server/src/modules/teachers/*.schema.ts). */

export type Text = { zh: string; en: string };
export type Period = { startsOn: string; endsOn: string | null };

export interface TeacherSummary {
  id: string;
  school: UnitRef;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  sex: 'M' | 'F';
  age: number;
  education: EducationLevel;
  professionalTitle: ProfessionalTitle;
  post: string;
  series: TeacherSeries;
  internshipInstructor: boolean;
  hireDate: string;
  leaveDate: string | null;
  employed: boolean;
  specialised: boolean;
  majorCodes: string[];
  dq: { level: DqLevel; validUntil: string } | null;
}

export interface WorkPeriod extends Period {
  employer: string;
  industry: string;
  job: string;
}

export interface Certificate {
  kind: CertificateKind;
  name: string;
  level: SkillLevel | null;
  issuer: string;
  certificateNo: string;
  issuedOn: string;
}

export interface Recognition {
  id: string;
  level: DqLevel;
  certifyingBody: string;
  recognisedOn: string;
  validFrom: string;
  validUntil: string;
  certificateNo: string;
  applicationId: string | null;
}

export interface HireReason {
  code: HireRuleReason;
  message: string;
  messageEn: string;
}

export interface HireException {
  reason: string;
  grantedAt: string;
  grantedBy: string | null;
}

export interface TeacherDetail extends TeacherSummary {
  majors: Array<{ code: string; name: string }>;
  specialisedPeriods: Period[];
  workHistory: WorkPeriod[];
  certificates: Certificate[];
  practice: Array<{ year: number; hours: number; enterprise: string }>;
  recognitions: Recognition[];
  applications: Array<{
    id: string;
    level: DqLevel;
    state: DqApplicationState;
    submittedAt: string;
    decidedAt: string | null;
    decisionReason: string | null;
  }>;
  hireCheck: {
    applies: boolean;
    compliant: boolean;
    enterpriseYears: number;
    highSkill: boolean;
    reasons: HireReason[];
    exception: HireException | null;
  };
  abilities: {
    edit: boolean;
    unmask: boolean;
    apply: boolean;
    recordRecognition: boolean;
    grantException: boolean;
  };
}

/** What the register form sends (create adds schoolId and idNumber). */
export interface TeacherBody {
  schoolId?: string;
  idNumber?: string;
  name: string;
  phone?: string | null;
  education: EducationLevel;
  professionalTitle: ProfessionalTitle;
  post: string;
  series: TeacherSeries;
  internshipInstructor: boolean;
  hireDate: string;
  leaveDate: string | null;
  majors: Array<{ code: string; name: string }>;
  specialisedPeriods: Period[];
  workHistory: WorkPeriod[];
  certificates: Certificate[];
  practice: Array<{ year: number; hours: number; enterprise: string }>;
}

export interface CriteriaCheck {
  key: string;
  group: 'all' | 'any';
  label: Text;
  required: Text;
  actual: Text;
  met: boolean;
}

export interface ApplicationSummary {
  id: string;
  teacher: { id: string; name: string; idMasked: string };
  school: UnitRef;
  level: DqLevel;
  state: DqApplicationState;
  submittedAt: string;
  schoolReviewedAt: string | null;
  decidedAt: string | null;
  eligibleAtSubmission: boolean;
  abilities: { resubmit: boolean; withdraw: boolean; schoolReview: boolean; decide: boolean };
}

export interface ApplicationDetail extends ApplicationSummary {
  statement: string;
  schoolComment: string | null;
  decisionReason: string | null;
  evidence: Array<{ id: string; name: string; sizeBytes: number; mime: string }>;
  events: Array<{ at: string; action: string; comment: string | null; actor: string | null }>;
  recognition: Recognition | null;
  criteriaAtSubmission: CriteriaCheck[];
  criteria: { level: DqLevel; eligible: boolean; checks: CriteriaCheck[] };
  criteriaSource: string;
}

type Counts = { numerator: number; denominator: number; percent: number };
export interface Ratio {
  date: string;
  orgUnit: UnitRef;
  countPartTime: boolean;
  overall: Counts;
  schools: Array<Counts & { school: UnitRef }>;
  majors: Array<Counts & { majorCode: string; majorName: string }>;
}

export interface RatioTeacher {
  id: string;
  name: string;
  idMasked: string;
  series: TeacherSeries;
  school: UnitRef;
  recognised: boolean;
  dq: { level: DqLevel; validUntil: string } | null;
}

export interface DqSettings {
  countPartTime: boolean;
  criteriaOverridden: boolean;
  criteria: { source: string; levels: Record<DqLevel, Record<string, unknown>> };
  updatedAt: string | null;
  updatedBy: string | null;
  abilities: { edit: boolean };
}

export interface Hire {
  teacher: { id: string; name: string; idMasked: string };
  school: UnitRef;
  hireDate: string;
  education: EducationLevel;
  enterpriseYears: number;
  highSkill: boolean;
  compliant: boolean;
  reasons: HireReason[];
  exception: HireException | null;
  abilities: { grantException: boolean };
}

export interface Hires {
  summary: { hires: number; compliant: number; exceptions: number; nonCompliant: number };
  items: Hire[];
}

/** One problem of an import, by Excel row. */
export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
}
