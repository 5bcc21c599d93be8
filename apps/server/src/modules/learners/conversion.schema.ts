import { OUTCOME_LEVELS, OUTCOME_TYPES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, Timestamp } from '../../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
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
  status: literals(['applied', 'approved', 'refused'] as const, { description: '申请中, 已批准, 不予批准' }),
  statusReason: Type.String(),
  appliedAt: Timestamp,
  decidedAt: Nullable(Timestamp),
});

export const ConversionApplicationBody = Type.Object(
  { ruleId: Type.String({ format: 'uuid', description: 'The conversion rule applied under' }) },
  strict,
);
