import type { AdoptionDecision, CommentStatus, ConsultationStatus } from '@zhijiao/contracts';

/** Shapes of the consultation API's answers (see apps/server/src/modules/consultation/consultation.schema.ts). */
export interface Clause {
  key: string;
  kind: 'preamble' | 'section' | 'task';
  label: string;
  title: string;
  text: string;
  sectionKey: string | null;
}

export interface PlanRef {
  code: string;
  version: number;
  title: string;
}

export interface PublicConsultationSummary {
  id: string;
  title: string;
  description: string;
  status: ConsultationStatus;
  opensAt: string;
  closesAt: string;
  acceptingComments: boolean;
  plan: PlanRef;
  publishedComments: number;
}

export interface PublicComment {
  seq: number;
  clauseKey: string;
  body: string;
  authorName: string | null;
  createdAt: string;
  reply: string | null;
  decision: AdoptionDecision | null;
  decisionReason: string | null;
  repliedAt: string | null;
}

export interface PublicConsultationDetail extends PublicConsultationSummary {
  clauses: Clause[];
  comments: PublicComment[];
}

export interface Challenge {
  token: string;
  nonce: string;
  difficulty: number;
  expiresAt: string;
}

export interface EditorComment {
  id: string;
  seq: number;
  clauseKey: string;
  body: string;
  authorName: string | null;
  contact: string | null;
  status: CommentStatus;
  rejectReason: string | null;
  reply: string | null;
  decision: AdoptionDecision | null;
  decisionReason: string | null;
  createdAt: string;
  repliedAt: string | null;
}

interface EditorCore {
  id: string;
  planId: string;
  title: string;
  description: string;
  status: ConsultationStatus;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  summaryDate: string | null;
  revisionPlanId: string | null;
  plan: PlanRef & { id: string };
}

export interface EditorConsultationSummary extends EditorCore {
  counts: { pending: number; published: number; rejected: number };
}

export interface EditorConsultationDetail extends EditorCore {
  clauses: Clause[];
  comments: EditorComment[];
  openWork: { pending: number; unanswered: number };
  abilities: { open: boolean; close: boolean; moderate: boolean; reply: boolean; revise: boolean };
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface VersionDiff {
  from: { id: string; version: number; title: string };
  to: { id: string; version: number; title: string };
  changed: number;
  clauses: Array<{
    key: string;
    label: string;
    title: string;
    status: 'unchanged' | 'changed' | 'added' | 'removed';
    oldText: string | null;
    newText: string | null;
    ops: DiffOp[];
  }>;
}

export type DocumentBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; align?: string; indent?: boolean }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'pageBreak' };

export interface SummaryDocument {
  title: string;
  date: string;
  signature?: string;
  blocks: DocumentBlock[];
  lang: 'zh' | 'en';
}
