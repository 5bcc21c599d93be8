import type { AgreementState, ApprenticeshipState, CentreState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayActAsEnterprise, mayKeepAsSchool } from './cooperation.policy.ts';

interface Parties {
  schoolId: string;
  enterpriseId: string;
}

const school = (actor: Actor, r: { schoolId: string }) => mayKeepAsSchool(actor, r.schoolId);
const enterprise = (actor: Actor, r: Parties) => mayActAsEnterprise(actor, r.enterpriseId);
const party = (actor: Actor, r: Parties) => school(actor, r) || enterprise(actor, r);

/**
 * An agreement, declared once: the school edits it and files the signed copy while it is in force
 * and terminates it with the reason. Audit rows `cooperation.agreement.<action>`.
 */
export const agreementWorkflow = defineWorkflow({
  table: 'cooperationAgreement',
  auditPrefix: 'cooperation.agreement',
  objectType: 'cooperation_agreement',
  conflict: 'COOPERATION_AGREEMENT_INVALID_TRANSITION',
  steps: {
    edit: { from: ['in_force'] as AgreementState[], may: school, action: 'updated' },
    terminate: { from: ['in_force'], to: 'terminated', may: school, action: 'terminated' },
  },
});

/**
 * An apprenticeship, declared once — the two-step approval: the school writes the draft with the
 * jointly made training plan and approves it (学校审批), then the enterprise approves it (企业审批)
 * or returns it to the school with the reason; both approvals pass the same check
 * (cooperation.rules.ts `approvalRefusals`). Running, either party records a stage done; the school
 * records its completion or terminates it. History rows (with the unit the actor acted for) and
 * audit rows `cooperation.apprenticeship.<action>`.
 */
export const apprenticeshipWorkflow = defineWorkflow({
  table: 'apprenticeship',
  history: { table: 'apprenticeshipEvent', key: 'apprenticeshipId', unitColumn: 'actorUnitId' },
  auditPrefix: 'cooperation.apprenticeship',
  objectType: 'apprenticeship',
  conflict: 'COOPERATION_APPRENTICESHIP_INVALID_TRANSITION',
  steps: {
    create: { from: ['draft'] as ApprenticeshipState[], may: school, action: 'created' },
    edit: { from: ['draft'], may: school, action: 'updated' },
    schoolApproval: { from: ['draft'], to: 'school_approved', may: school, action: 'school_approved' },
    enterpriseApproval: {
      from: ['school_approved'],
      to: 'approved',
      may: enterprise,
      action: 'enterprise_approved',
    },
    return: { from: ['school_approved'], to: 'draft', may: enterprise, action: 'returned' },
    progress: { from: ['approved'], may: party, action: 'stage_completed' },
    complete: { from: ['approved'], to: 'completed', may: school, action: 'completed' },
    terminate: {
      from: ['draft', 'school_approved', 'approved'],
      to: 'terminated',
      may: school,
      action: 'terminated',
    },
  },
});

/**
 * A centre or teaching factory, declared once: the school edits it and records its projects while
 * it operates, and records its closure with the reason. Audit rows `cooperation.centre.<action>`.
 */
export const centreWorkflow = defineWorkflow({
  table: 'cooperationCentre',
  auditPrefix: 'cooperation.centre',
  objectType: 'cooperation_centre',
  conflict: 'COOPERATION_CENTRE_INVALID_TRANSITION',
  steps: {
    edit: { from: ['operating'] as CentreState[], may: school, action: 'updated' },
    projects: { from: ['operating'], may: school, action: 'project_saved' },
    close: { from: ['operating'], to: 'closed', may: school, action: 'closed' },
  },
});
