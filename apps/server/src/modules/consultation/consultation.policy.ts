import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with a consultation. Pure functions: (actor, resource) → boolean; which states
 * allow each step is declared in consultation.workflow.ts.
 * - Editors are the plan's coordinators: `consultation.manage` within the plan's district
 *   (installation-wide roles: every district). Anyone else does not see editor views (404).
 * - The public reads open and closed consultations (never drafts) and comments while one is open.
 */
export function canManageConsultation(actor: Actor, c: { districtId: string }): boolean {
  return (
    actor.permissions.has('consultation.manage') && (actor.scope.all || actor.districtId === c.districtId)
  );
}

/** Whether the public sees a consultation (a draft is the editors' until opened). */
export function isPublic(c: { status: string }): boolean {
  return c.status !== 'draft';
}
