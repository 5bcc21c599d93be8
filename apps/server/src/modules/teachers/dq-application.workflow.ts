import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayManageSchool, mayReviewDistrict } from './teachers.policy.ts';

/** What the workflow's rules read of an application: its school and district. */
interface ApplicationFacts {
  schoolId: string;
  districtId: string;
}

const school = (actor: Actor, a: ApplicationFacts) => mayManageSchool(actor, a.schoolId);
const district = (actor: Actor, a: ApplicationFacts) => mayReviewDistrict(actor, a.districtId);

/**
 * 双师型 recognition (认定) as a workflow: the school applies for a teacher with evidence
 * (submitted) → the school reviews it (passed, or returned and resubmitted) → the district approves
 * it (a recognition is recorded) or refuses it with a reason. The school may withdraw an
 * application until it has passed. Whoever submitted or resubmitted it (its history says) takes
 * no district decision on it. Each step writes a history row and a `teacher.dq.<action>`
 * audit row; a step the state does not allow is refused with TEACHER_DQ_INVALID_TRANSITION (409),
 * a step the actor may not take at all with 403.
 */
export const dqApplications = defineWorkflow({
  table: 'dqApplication',
  history: { table: 'dqApplicationEvent', key: 'applicationId' },
  auditPrefix: 'teacher.dq',
  objectType: 'dq_application',
  conflict: 'TEACHER_DQ_INVALID_TRANSITION',
  steps: {
    // Only recorded, on the application the school has just created.
    submit: { from: [], to: 'submitted', may: school, action: 'submitted', authors: true },
    resubmit: { from: ['returned'], to: 'submitted', may: school, action: 'resubmitted', authors: true },
    withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', may: school, action: 'withdrawn' },
    schoolPass: { from: ['submitted'], to: 'school_passed', may: school, action: 'school_passed' },
    schoolReturn: { from: ['submitted'], to: 'returned', may: school, action: 'returned' },
    approve: { from: ['school_passed'], to: 'approved', may: district, action: 'approved', reviews: true },
    refuse: { from: ['school_passed'], to: 'refused', may: district, action: 'refused', reviews: true },
  },
});

/** An application as the workflow reads it: its state, school and district. */
export type DqApplicationSubject = Parameters<typeof dqApplications.abilities>[1];

/** States an application is still open in: some step can move it on (one open per teacher). */
export const OPEN_STATES = [
  ...new Set(Object.values(dqApplications.definition.steps).flatMap((step) => step.from)),
];

/** What the actor may do with an application now, as the API has always sent it. */
export function applicationAbilities(actor: Actor, a: DqApplicationSubject) {
  const can = dqApplications.abilities(actor, a);
  return {
    resubmit: can.resubmit,
    withdraw: can.withdraw,
    schoolReview: can.schoolPass,
    decide: can.approve,
  };
}
