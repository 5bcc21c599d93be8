import { CRITERION_KEYS } from './criteria.rules.ts';
import { EDUCATION_LEVELS, PROFESSIONAL_TITLES, SKILL_LEVELS } from '@zhijiao/contracts';
import { Type } from 'typebox';
import {
  DateString,
  literals,
  Nullable,
  Offset,
  Timestamp,
  UnitRef,
  Uuid,
} from '../../platform/http/schemas.ts';
import {
  CriteriaCheckSchema,
  CriteriaEvaluationSchema,
  DqLevelSchema,
  DqStateSchema,
  HireCheckSchema,
  RecognitionSchema,
  SeriesSchema,
  text,
} from './teachers.schema.ts';

const strict = { additionalProperties: false } as const;
const ZhEn = () => Type.Object({ zh: Type.String(), en: Type.String() });
const Bool = (description: string) => Type.Boolean({ description });

export const ApplicationBody = Type.Object(
  {
    level: DqLevelSchema,
    statement: Type.String({
      maxLength: 5000,
      default: '',
      description: '申报说明: what the teacher has done',
    }),
    evidenceFileIds: Type.Array(Uuid, {
      maxItems: 30,
      default: [],
      description: 'Evidence uploaded with POST /api/files (certificates, practice records…)',
    }),
  },
  strict,
);

const RecognitionFields = {
  certifyingBody: text(200, '认定机构, e.g. 长治市上党区教育局', 1),
  recognisedOn: DateString,
  validFrom: Type.Optional(DateString),
  validUntil: Type.Optional(DateString),
  certificateNo: Type.Optional(text(64, 'Certificate number')),
};

export const SchoolReviewBody = Type.Object(
  {
    decision: literals(['pass', 'return'] as const),
    comment: Type.String({ maxLength: 2000, default: '', description: 'Required when returning' }),
  },
  strict,
);

export const DecisionBody = Type.Object(
  {
    decision: literals(['approve', 'refuse'] as const),
    reason: Type.String({
      maxLength: 2000,
      default: '',
      description: 'Required when refusing, and when approving while the level’s criteria are not all met',
    }),
    certifyingBody: Type.Optional(text(200, '认定机构 (required to approve)')),
    recognisedOn: Type.Optional(DateString),
    validFrom: Type.Optional(DateString),
    validUntil: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Default: 5 years from validFrom' }),
    ),
    certificateNo: Type.Optional(text(64, 'Certificate number')),
  },
  strict,
);

export const RecordRecognitionBody = Type.Object({ level: DqLevelSchema, ...RecognitionFields }, strict);

const ApplicationAbilities = Type.Object({
  resubmit: Bool('May edit and resubmit (returned)'),
  withdraw: Bool('May withdraw (submitted or returned)'),
  schoolReview: Bool('May pass or return it at school level'),
  decide: Bool('May approve or refuse it at district level'),
});

export const ApplicationSummarySchema = Type.Object({
  id: Type.String(),
  teacher: Type.Object({ id: Type.String(), name: Type.String(), idMasked: Type.String() }),
  school: UnitRef,
  level: DqLevelSchema,
  state: DqStateSchema,
  submittedAt: Timestamp,
  schoolReviewedAt: Nullable(Timestamp),
  decidedAt: Nullable(Timestamp),
  eligibleAtSubmission: Bool('The level’s criteria were met when it was submitted'),
  abilities: ApplicationAbilities,
});

export const ApplicationDetailSchema = Type.Intersect([
  ApplicationSummarySchema,
  Type.Object({
    statement: Type.String(),
    schoolComment: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    evidence: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), sizeBytes: Type.Number(), mime: Type.String() }),
    ),
    events: Type.Array(
      Type.Object({
        at: Timestamp,
        action: Type.String(),
        comment: Nullable(Type.String()),
        actor: Nullable(Type.String()),
      }),
    ),
    recognition: Nullable(RecognitionSchema),
    criteriaAtSubmission: Type.Array(CriteriaCheckSchema),
    criteria: CriteriaEvaluationSchema,
    criteriaSource: Type.String({ description: 'The documents the criteria come from' }),
  }),
]);

const LevelCriteriaSchema = Type.Object(
  {
    minTeachingYears: Nullable(Type.Integer({ minimum: 0, maximum: 50, description: '教龄 (years)' })),
    minPractice: Nullable(
      Type.Object(
        {
          hours: Type.Number({ minimum: 0, maximum: 50000, description: 'Hours of enterprise practice' }),
          withinYears: Type.Integer({ minimum: 1, maximum: 20, description: 'In the last N calendar years' }),
        },
        strict,
      ),
    ),
    minEnterpriseYears: Nullable(
      Type.Number({ minimum: 0, maximum: 50, description: 'Years of enterprise work' }),
    ),
    minCertificateLevel: Nullable(literals(SKILL_LEVELS)),
    minTitle: Nullable(literals(PROFESSIONAL_TITLES)),
    requiredRecognition: Nullable(DqLevelSchema),
    anyOf: Type.Array(literals(CRITERION_KEYS), { maxItems: 6, description: 'Of these, one is enough' }),
  },
  strict,
);
const LevelsSchema = Type.Object(
  { junior: LevelCriteriaSchema, intermediate: LevelCriteriaSchema, senior: LevelCriteriaSchema },
  strict,
);

export const SettingsBody = Type.Object(
  {
    countPartTime: Type.Boolean({ description: 'Enterprise part-time teachers count in the 双师型 ratio' }),
    criteria: Nullable(LevelsSchema),
  },
  strict,
);

export const SettingsSchema = Type.Object({
  countPartTime: Type.Boolean(),
  criteria: Type.Object({ source: Type.String(), levels: LevelsSchema }),
  criteriaOverridden: Bool('The district replaced the default criteria'),
  defaults: Type.Object({ source: Type.String(), levels: LevelsSchema }),
  basis: Type.Object(
    Object.fromEntries(CRITERION_KEYS.map((k) => [k, ZhEn()])) as Record<
      (typeof CRITERION_KEYS)[number],
      ReturnType<typeof ZhEn>
    >,
    { description: 'The basis of each criterion’s value: the part of the documents it follows, in words' },
  ),
  recruitmentRule: Type.Object({
    effectiveFrom: DateString,
    minEnterpriseDays: Type.Number(),
    minEducation: literals(EDUCATION_LEVELS),
    highSkillMinLevel: literals(SKILL_LEVELS),
  }),
  updatedAt: Nullable(Timestamp),
  updatedBy: Nullable(Type.String()),
  abilities: Type.Object({ edit: Bool('May change the settings') }),
});

const Counts = { numerator: Type.Integer(), denominator: Type.Integer(), percent: Type.Number() };
export const RatioSchema = Type.Object({
  date: DateString,
  orgUnit: UnitRef,
  countPartTime: Bool('Part-time teachers counted (the district’s setting)'),
  overall: Type.Object(Counts),
  schools: Type.Array(Type.Object({ school: UnitRef, ...Counts })),
  majors: Type.Array(Type.Object({ majorCode: Type.String(), majorName: Type.String(), ...Counts })),
});

export const RatioTeacherSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idMasked: Type.String(),
  series: SeriesSchema,
  school: UnitRef,
  recognised: Type.Boolean(),
  dq: Nullable(Type.Object({ level: DqLevelSchema, validUntil: DateString })),
});

export const HireSchema = Type.Object({
  teacher: Type.Object({ id: Type.String(), name: Type.String(), idMasked: Type.String() }),
  school: UnitRef,
  hireDate: DateString,
  education: literals(EDUCATION_LEVELS),
  enterpriseYears: Type.Number(),
  highSkill: Type.Boolean(),
  compliant: Type.Boolean(),
  reasons: HireCheckSchema.properties.reasons,
  exception: HireCheckSchema.properties.exception,
  abilities: Type.Object({ grantException: Bool('May record an exception') }),
});

export const HiresSchema = Type.Object({
  summary: Type.Object({
    hires: Type.Integer({ description: '2020+ hires of 专业课 teachers' }),
    compliant: Type.Integer(),
    exceptions: Type.Integer({ description: 'Non-compliant hires with an exception' }),
    nonCompliant: Type.Integer(),
  }),
  items: Type.Array(HireSchema),
});

export const ApplicationListQuery = Type.Object({
  state: Type.Optional(DqStateSchema),
  schoolId: Type.Optional(Uuid),
  teacherId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
});

export const RatioQuery = Type.Object({
  orgUnitId: Type.Optional(Uuid),
  date: Type.Optional(DateString),
  by: Type.Optional(literals(['school', 'major'] as const)),
});

export const RatioTeachersQuery = Type.Object({
  orgUnitId: Type.Optional(Uuid),
  date: Type.Optional(DateString),
  majorCode: Type.Optional(text(20, 'Only teachers of this major')),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200, description: 'Page size' }),
  offset: Offset(),
});

export const HiresQuery = Type.Object({
  compliant: Type.Optional(Type.Boolean({ description: 'false: only hires that do not comply' })),
  schoolId: Type.Optional(Uuid),
});

export const HireExceptionBody = Type.Object(
  { reason: text(2000, 'Why the hire is accepted (e.g. 特殊高技能人才直接考察招聘)', 1) },
  strict,
);
