/**
 * Shapes of the supervision (督导) API's answers, as `apps/server/src/modules/supervision/
 * supervision.schema.ts` declares them. The inspection summary lives in `lib/api-types.ts`
 * because the indicator and task pages read it too.
 */
import type {
  AlertTier,
  CommitmentState,
  ExtensionState,
  FindingSeverity,
  FindingState,
  FindingSubjectType,
  InspectionScopeType,
  OrderState,
  SanctionGround,
  SanctionKind,
} from '@zhijiao/contracts';
import type { InspectionSummary, UnitRef, UploadedFile } from '@/lib/api-types';

export type { InspectionSummary };

export interface OrderBrief {
  id: string;
  state: OrderState;
  dueDate: string;
  daysLate: number;
  tier: AlertTier | null;
  closedOnTime: boolean | null;
}

export interface Finding {
  id: string;
  inspection: { id: string; title: string; kind: string };
  unit: UnitRef;
  subjectType: FindingSubjectType;
  subjectId: string | null;
  subjectLabel: string;
  evidence: Record<string, unknown>;
  title: string;
  description: string;
  severity: FindingSeverity;
  state: FindingState;
  createdAt: string;
  order: OrderBrief | null;
  abilities: { issueOrder: boolean };
}

export interface InspectionDetail extends InspectionSummary {
  purpose: string;
  schedule: { date: string; activity: string }[];
  conclusion: string;
  inspectors: { userId: string; displayName: string; isLead: boolean }[];
  scope: { type: InspectionScopeType; id: string; label: string }[];
  findings: Finding[];
  publication: { id: string; publishedAt: string } | null;
}

export interface OrderAbilities {
  answer: boolean;
  requestExtension: boolean;
  decideExtension: boolean;
  verify: boolean;
  sendBack: boolean;
  close: boolean;
}

export interface OrderSummary {
  id: string;
  finding: { id: string; title: string };
  inspection: { id: string; title: string };
  unit: UnitRef;
  title: string;
  requirements: string;
  state: OrderState;
  issuedOn: string;
  originalDueDate: string;
  dueDate: string;
  closedOn: string | null;
  daysLate: number;
  tier: AlertTier | null;
  closedOnTime: boolean | null;
  pendingExtension: boolean;
  link: string;
  abilities: OrderAbilities;
}

export interface Extension {
  id: string;
  requestedDueDate: string;
  reason: string;
  state: ExtensionState;
  requestedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface OrderDetail extends OrderSummary {
  measures: string | null;
  reviewComment: string | null;
  answeredAt: string | null;
  verifiedAt: string | null;
  files: UploadedFile[];
  extensions: Extension[];
  events: { at: string; actor: string; action: string; comment: string | null }[];
}

export interface Interview {
  id: string;
  inspectionId: string;
  unit: UnitRef;
  heldOn: string;
  interviewers: string;
  interviewees: string;
  reason: string;
  findings: { id: string; title: string }[];
  commitments: {
    id: string;
    text: string;
    dueDate: string | null;
    state: CommitmentState;
    followUp: string | null;
    followedUpAt: string | null;
  }[];
  abilities: { followUp: boolean };
}

export interface Sanction {
  id: string;
  unit: UnitRef;
  inspectionId: string | null;
  kind: SanctionKind;
  year: number;
  points: number;
  title: string;
  ground: SanctionGround;
  groundsText: string;
  refs: { type: string; id: string }[];
  decidedOn: string;
}

export type AssessmentGrade = 'excellent' | 'good' | 'pass' | 'fail';

export interface AssessmentRow {
  unit: UnitRef;
  findings: number;
  seriousFindings: number;
  closedOnTime: number;
  closedLate: number;
  openOverdue: number;
  rewardPoints: number;
  penaltyPoints: number;
  score: number;
  grade: AssessmentGrade;
}

export interface Assessment {
  year: number;
  formula: string;
  rows: AssessmentRow[];
}

type Tiers = Record<AlertTier, number>;

export interface SupervisionDashboard {
  today: string;
  scope: 'district' | 'inspector' | 'units';
  orders: {
    total: number;
    open: number;
    overdue: number;
    closedOnTime: number;
    closedLate: number;
    byState: Record<string, number>;
    byTier: Tiers;
  };
  findings: { total: number; byState: Record<string, number> };
  units: {
    unit: UnitRef;
    findings: number;
    openFindings: number;
    orders: number;
    open: number;
    overdue: number;
    closedOnTime: number;
    closedLate: number;
    byTier: Tiers;
  }[];
  overdue: {
    id: string;
    title: string;
    unit: UnitRef;
    state: OrderState;
    dueDate: string;
    daysLate: number;
    tier: AlertTier;
    inspectionId: string;
    link: string;
  }[];
}

export interface PublicReportSummary {
  id: string;
  title: string;
  kind: string;
  publishedAt: string;
  district: { code: string; name: string };
}

export interface DocumentBlock {
  kind: string;
  level?: number;
  text?: string;
  align?: string;
  indent?: boolean;
  columns?: string[];
  rows?: string[][];
  widths?: number[];
  items?: string[];
}

export interface PublicReport extends PublicReportSummary {
  document: {
    title: string;
    issuer?: string;
    documentNumber?: string;
    subtitle?: string;
    date: string;
    signature?: string;
    blocks: DocumentBlock[];
    lang: string;
  };
}
