import type { CertificationState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import type { ActorRoles } from './certification.deps.ts';
import { mayApply, mayDecide, maySign, recuses } from './certification.policy.ts';

/**
 * The facts the steps read: the enterprise, the unit that filed the application, and the acting
 * unit's part (certification.deps.ts).
 */
interface Facts {
  enterpriseId: string;
  appliedByUnitId: string;
  roles: ActorRoles;
}

const applicant = (actor: Actor, f: Facts) => mayApply(actor, f.roles, f.enterpriseId);
const authority = (actor: Actor, f: Facts) => mayDecide(actor, f.roles);
const panel = (actor: Actor, f: Facts) => maySign(actor, f.roles) && !recuses(f.roles.unitId, f);

/**
 * An application, declared once: the enterprise (or 区工信局 for it) applies; each joint-review
 * bureau but the applying unit (回避) signs its line of the 会签单 while it is under review; 区发改科技局 certifies it (the
 * criteria met and every line signed, checked by the service) or refuses it with reasons; a
 * certification is re-checked each year and may be revoked. History rows and audit rows
 * `certification.application.<action>`.
 */
export const applicationWorkflow = defineWorkflow({
  table: 'certificationApplication',
  history: { table: 'certificationEvent', key: 'applicationId' },
  auditPrefix: 'certification.application',
  objectType: 'certification_application',
  conflict: 'CERTIFICATION_INVALID_TRANSITION',
  steps: {
    apply: { from: ['submitted'] as CertificationState[], may: applicant, action: 'applied' },
    sign: { from: ['submitted'], may: panel, action: 'opinion_given' },
    certify: { from: ['submitted'], to: 'certified', may: authority, action: 'certified' },
    refuse: { from: ['submitted'], to: 'refused', may: authority, action: 'refused' },
    recheck: { from: ['certified'], may: authority, action: 'rechecked' },
    revoke: { from: ['certified'], to: 'revoked', may: authority, action: 'revoked' },
  },
});
