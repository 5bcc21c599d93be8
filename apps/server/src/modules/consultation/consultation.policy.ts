import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with a consultation. Pure functions: (actor, resource, now) → boolean.
 * - Editors are the plan's coordinators: `consultation.manage` within the plan's district
 *   (installation-wide roles: every district). Anyone else does not see editor views (404).
 * - A draft consultation can be opened; an open one closed once its period has ended and every
 *   comment is moderated and every published comment answered.
 * - Comments are moderated once (pending → published | rejected); only published comments get a
 *   reply and an adoption decision, which can be revised until the consultation closes.
 * - The public comments only while the consultation is open and inside its period.
 */
interface ConsultationState {
  districtId: string;
  status: 'draft' | 'open' | 'closed';
  opensAt: Date;
  closesAt: Date;
  revisionPlanId: string | null;
}

export function canManageConsultation(actor: Actor, c: { districtId: string }): boolean {
  return (
    actor.permissions.has('consultation.manage') && (actor.scope.all || actor.districtId === c.districtId)
  );
}

/** Whether the public may comment right now. */
export function acceptsComments(c: ConsultationState, now: Date): boolean {
  return c.status === 'open' && c.opensAt <= now && now < c.closesAt;
}

export function canOpen(actor: Actor, c: ConsultationState): boolean {
  return canManageConsultation(actor, c) && c.status === 'draft';
}

/** Counts of a consultation's comments that block closing it. */
export interface OpenWork {
  pending: number;
  unanswered: number;
}

export function canClose(actor: Actor, c: ConsultationState, work: OpenWork, now: Date): boolean {
  return (
    canManageConsultation(actor, c) &&
    c.status === 'open' &&
    now >= c.closesAt &&
    work.pending === 0 &&
    work.unanswered === 0
  );
}

export function canModerate(actor: Actor, c: ConsultationState, comment: { status: string }): boolean {
  return canManageConsultation(actor, c) && c.status === 'open' && comment.status === 'pending';
}

export function canReply(actor: Actor, c: ConsultationState, comment: { status: string }): boolean {
  return canManageConsultation(actor, c) && c.status === 'open' && comment.status === 'published';
}

export function canRevise(actor: Actor, c: ConsultationState): boolean {
  return canManageConsultation(actor, c) && c.status === 'closed' && c.revisionPlanId === null;
}

/** What the UI may offer on a consultation (the server checks again on each request). */
export function consultationAbilities(actor: Actor, c: ConsultationState, work: OpenWork, now: Date) {
  return {
    open: canOpen(actor, c),
    close: canClose(actor, c, work, now),
    moderate: canManageConsultation(actor, c) && c.status === 'open',
    reply: canManageConsultation(actor, c) && c.status === 'open',
    revise: canRevise(actor, c),
  };
}
