import {
  COMPARATORS,
  EVALUATION_STATES,
  FINAL_VERDICTS,
  INDICATOR_STATUSES,
  PLAN_PHASES,
  TASK_OUTCOMES,
} from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { DateString, literals, Nullable } from '../../platform/http/schemas.ts';
import { ProgressStatusSchema } from './action-plans.schema.ts';

const num = Nullable(Type.Number());

/** The coordinator's draft of a final evaluation: each task's outcome with a remark, and a narrative. */
export const EvaluationBody = Type.Object(
  {
    narrative: Type.String({ maxLength: 20_000, description: 'The narrative of the evaluation (总体评价)' }),
    tasks: Type.Array(
      Type.Object(
        {
          taskId: Type.String({ format: 'uuid' }),
          outcome: literals(TASK_OUTCOMES),
          remark: Type.String({ maxLength: 2_000, description: 'Why this outcome (说明)' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type EvaluationInput = Static<typeof EvaluationBody>;

/** A plan's final evaluation (终期评估) as the evaluation page reads it. */
export const EvaluationSchema = Type.Object({
  plan: Type.Object({
    code: Type.String(),
    title: Type.String(),
    titleEn: Type.String(),
    startDate: DateString,
    endDate: DateString,
    district: Type.Object({ code: Type.String(), name: Type.String() }),
  }),
  phase: literals(PLAN_PHASES),
  state: Nullable(literals(EVALUATION_STATES)),
  narrative: Type.String(),
  closedOn: Nullable(DateString),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  tasks: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      title: Type.String(),
      titleEn: Type.String(),
      lead: Nullable(Type.String({ description: 'The lead unit (牵头单位)' })),
      progress: Nullable(ProgressStatusSchema),
      lastReportedPeriod: Nullable(Type.String()),
      proposedOutcome: literals(TASK_OUTCOMES),
      outcome: Nullable(literals(TASK_OUTCOMES)),
      remark: Type.String(),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      unit: Type.String(),
      taskLabel: Type.String(),
      comparator: literals(COMPARATORS),
      target: num,
      targetLow: num,
      targetHigh: num,
      deadline: DateString,
      isPublic: Type.Boolean(),
      value: num,
      valuePeriod: Nullable(Type.String()),
      status: literals(INDICATOR_STATUSES),
      verdict: literals(FINAL_VERDICTS),
    }),
  ),
  abilities: Type.Object({ save: Type.Boolean(), close: Type.Boolean() }),
});
export type EvaluationView = Static<typeof EvaluationSchema>;
