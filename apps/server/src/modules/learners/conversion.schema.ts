import { OUTCOME_LEVELS, OUTCOME_TYPES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, Offset, Timestamp } from '../../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
const CONVERSION_STATUSES = ['applied', 'approved', 'refused', 'reversed'] as const;
const Course = Type.String({ minLength: 1, maxLength: 32, description: 'Course code' });

export const ConversionRuleSchema = Type.Object({
  id: Type.String(),
  schoolId: Type.String(),
  majorCode: Nullable(Type.String({ description: 'The major it applies to; null: every major' })),
  outcomeType: literals(OUTCOME_TYPES),
  certificateCode: Nullable(Type.String()),
  minLevel: Nullable(literals(OUTCOME_LEVELS)),
  exempts: Type.Array(Type.String(), { description: 'Courses exempted' }),
  credits: Type.Integer({ description: 'The most credits the rule grants a learner, in tenths' }),
  validFrom: DateString,
  validTo: Nullable(DateString),
  note: Type.String(),
  createdAt: Timestamp,
});

export const ConversionRuleBody = Type.Object(
  {
    majorCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
    outcomeType: literals(OUTCOME_TYPES),
    certificateCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    minLevel: Type.Optional(Nullable(literals(OUTCOME_LEVELS))),
    exempts: Type.Array(Course, { minItems: 1, maxItems: 20 }),
    credits: Type.Integer({ minimum: 1, maximum: 1000, description: 'Tenths of a credit' }),
    validFrom: DateString,
    validTo: Type.Optional(Nullable(DateString)),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);

export const ConversionSchema = Type.Object({
  id: Type.String(),
  learnerId: Type.String(),
  ruleId: Type.String(),
  outcomeId: Type.String(),
  credits: Type.Integer({ description: 'Tenths of a credit' }),
  courses: Type.Array(Type.String()),
  explanationZh: Type.String(),
  explanationEn: Type.String(),
  status: literals(CONVERSION_STATUSES, { description: '申请中, 已批准, 不予批准, 已撤销' }),
  statusReason: Type.String(),
  appliedAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  reversedAt: Nullable(Timestamp),
  reversalReason: Type.String({
    description: 'The reviewer’s reason for reversing (撤销转换); empty otherwise',
  }),
  abilities: Type.Object(
    { approve: Type.Boolean(), refuse: Type.Boolean(), reverse: Type.Boolean() },
    { description: 'What the actor may do with it (the district’s reviewer)' },
  ),
});

export const ConversionQueueQuery = Type.Object(
  {
    status: Type.Optional(literals(CONVERSION_STATUSES, { description: 'Default applied (待审)' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size' }),
    offset: Offset(),
  },
  strict,
);

export const ConversionQueueItemSchema = Type.Object({
  ...ConversionSchema.properties,
  school: Type.Object({ id: Type.String(), name: Type.String() }),
  learnerName: Type.String(),
  majorCode: Type.String(),
  majorName: Type.String(),
  rule: Type.Object({ exempts: Type.Array(Type.String()), credits: Type.Integer() }),
  outcome: Type.Object({
    title: Type.String(),
    type: literals(OUTCOME_TYPES),
    level: Nullable(literals(OUTCOME_LEVELS)),
  }),
});

export const ReversalBody = Type.Object(
  {
    reason: Type.String({
      maxLength: 500,
      description: 'Why the conversion is reversed (撤销原因), required',
    }),
  },
  strict,
);

export const ConversionApplicationBody = Type.Object(
  { ruleId: Type.String({ format: 'uuid', description: 'The conversion rule applied under' }) },
  strict,
);
