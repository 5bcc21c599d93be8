import type { CommentStatus, ConsultationStatus } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { defineWorkflow, type Subject } from '../../platform/workflow/workflow.ts';
import { canManageConsultation } from './consultation.policy.ts';

/** What the consultation's rules read: the plan's district (its editors manage it). */
export interface ConsultationFacts {
  districtId: string;
}

const manage = (actor: Actor, c: ConsultationFacts) => canManageConsultation(actor, c);

/**
 * A consultation (征求意见): prepared as a draft, open for comment for a period, closed (which fixes
 * the feedback summary), then revised into the plan's next draft version once.
 */
export const consultationFlow = defineWorkflow({
  table: 'consultation',
  stateColumn: 'status',
  stampColumn: null,
  auditPrefix: 'consultation',
  objectType: 'consultation',
  conflict: 'CONSULTATION_INVALID_TRANSITION',
  steps: {
    create: { from: [], to: 'draft', may: manage, action: 'create' },
    open: { from: ['draft'], to: 'open', may: manage, action: 'open' },
    moderate: { from: ['open'], may: manage, conflict: 'CONSULTATION_CLOSED' },
    reply: { from: ['open'], may: manage, conflict: 'CONSULTATION_CLOSED' },
    close: { from: ['open'], to: 'closed', may: manage, action: 'close' },
    revise: { from: ['closed'], may: manage, conflict: 'CONSULTATION_NOT_CLOSED', action: 'revise' },
  },
});

export type ConsultationStep = (typeof consultationFlow.steps)[number];
export type ConsultationSubject = Subject<ConsultationStatus, ConsultationFacts>;

/** A consultation row as the workflow reads it (its `status` is the workflow's state). */
export function consultationSubject<C extends { status: ConsultationStatus; districtId: string }>(c: C) {
  return { ...c, state: c.status };
}

/** As the workflow refuses, except that closing a closed consultation says it is closed. */
export function assertConsultationStep(step: ConsultationStep, actor: Actor, c: ConsultationSubject): void {
  if (step === 'close' && c.state === 'closed' && manage(actor, c))
    throw new AppError('CONSULTATION_CLOSED', 409);
  consultationFlow.assert(step, actor, c);
}

/** Whether the public may comment right now: the consultation is open and inside its period. */
export function acceptsComments(c: { status: ConsultationStatus; opensAt: Date; closesAt: Date }, now: Date) {
  return c.status === 'open' && c.opensAt <= now && now < c.closesAt;
}

/** What a comment's rules read: its consultation's district. */
export type CommentFacts = ConsultationFacts;

/**
 * A public comment: pending until moderated once — published, or rejected with a reason that is
 * kept and never shown; a published comment gets a reply with an adoption decision, which the
 * editors may revise while the consultation is open.
 */
export const commentFlow = defineWorkflow({
  table: 'consultationComment',
  stateColumn: 'status',
  stampColumn: null,
  auditPrefix: 'consultation.comment',
  objectType: 'consultation_comment',
  conflict: 'CONSULTATION_COMMENT_MODERATED',
  steps: {
    publish: { from: ['pending'], to: 'published', may: manage, action: 'publish' },
    reject: { from: ['pending'], to: 'rejected', may: manage, action: 'reject' },
    reply: {
      from: ['published'],
      may: manage,
      conflict: 'CONSULTATION_COMMENT_NOT_PUBLISHED',
      action: 'reply',
    },
  },
});

export type CommentSubject = Subject<CommentStatus, CommentFacts>;
