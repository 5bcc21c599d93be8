import {
  LEDGER_ENTRY_KINDS,
  OUTCOME_LEVELS,
  OUTCOME_SOURCES,
  OUTCOME_STATUSES,
  OUTCOME_TYPES,
} from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, Offset, Timestamp } from '../../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
const TypeSchema = literals(OUTCOME_TYPES, {
  description:
    '课程学分 course credit, 1+X 职业技能等级证书, 职业资格证书 / 技能等级证书, 培训结业, 技能竞赛获奖',
});
const LevelSchema = literals(OUTCOME_LEVELS, {
  description: '初级 elementary, 中级 intermediate, 高级 advanced',
});
const StatusSchema = literals(OUTCOME_STATUSES, {
  description: '待认定 pending, 已认定 recognised, 不予认定 refused, 已撤销 revoked',
});
/** Credits in tenths of a credit (8 credits = 80): no fraction ever touches an account. */
const Tenths = (description: string) => Type.Integer({ minimum: 1, maximum: 1000, description });
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });

export const ReasonSchema = Type.Object({
  code: Type.String(),
  field: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});

export const OutcomeSchema = Type.Object({
  id: Type.String(),
  learnerId: Type.String(),
  schoolId: Type.String(),
  type: TypeSchema,
  title: Type.String({ description: 'Certificate, course or award name' }),
  certificateCode: Nullable(Type.String()),
  level: Nullable(LevelSchema),
  issuer: Type.String({ description: '培训评价组织, school or organiser' }),
  number: Nullable(Type.String({ description: 'Certificate number' })),
  achievedOn: DateString,
  evidenceFileId: Nullable(Type.String()),
  source: literals(OUTCOME_SOURCES),
  status: StatusSchema,
  statusReason: Type.String({ description: 'The reviewer’s reason of a refusal or revocation' }),
  statusReasons: Type.Array(ReasonSchema, { description: 'The catalogue’s reasons at a refusal' }),
  decidedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  abilities: Type.Object({ recognise: Type.Boolean(), refuse: Type.Boolean(), revoke: Type.Boolean() }),
});

export const OutcomeListItemSchema = Type.Intersect([
  OutcomeSchema,
  Type.Object({ learnerName: Type.String() }),
]);

export const OutcomeDetailSchema = Type.Intersect([
  OutcomeSchema,
  Type.Object({
    recognitions: Type.Array(
      Type.Object({
        id: Type.String(),
        credits: Type.Integer({ description: 'Tenths of a credit' }),
        note: Type.String(),
        recognisedAt: Timestamp,
        catalogueYear: Type.Integer(),
        catalogueVersion: Type.Integer(),
      }),
    ),
  }),
]);

export const OutcomeBody = Type.Object(
  {
    type: TypeSchema,
    title: Text(100, 'Certificate, course or award name'),
    certificateCode: Type.Optional(Text(50, 'Certificate code (1+X: the certificate’s code)')),
    level: Type.Optional(LevelSchema),
    issuer: Text(100, '培训评价组织, school or competition organiser'),
    number: Type.Optional(Text(64, 'Certificate number (required for a 1+X certificate)')),
    achievedOn: DateString,
    evidenceFileId: Type.Optional(
      Type.String({ format: 'uuid', description: 'An uploaded file (POST /api/files)' }),
    ),
  },
  strict,
);

export const OutcomeListQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
    offset: Offset(),
  },
  strict,
);

export const RecognitionBody = Type.Object(
  {
    credits: Type.Optional(Tenths('Credits to post, in tenths; default the catalogue’s suggested credits')),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);

export const DecisionReasonBody = Type.Object({ reason: Text(500, 'Why (不予认定 / 撤销原因)') }, strict);

export const LedgerEntrySchema = Type.Object({
  id: Type.String(),
  kind: literals(LEDGER_ENTRY_KINDS, { description: '积累 post, 冲正 reverse, 转换 convert' }),
  outcomeId: Type.String(),
  credits: Type.Integer({
    description: 'Tenths of a credit; negative for a reversal of a post and a conversion',
  }),
  reverses: Nullable(Type.String()),
  reason: Type.String(),
  postedAt: Timestamp,
});

export const CreditAccountSchema = Type.Object({
  learnerId: Type.String(),
  balance: Type.Integer({ description: 'Sum of every entry, in tenths of a credit' }),
  entries: Type.Array(LedgerEntrySchema, { description: 'Oldest first' }),
  outcomes: Type.Array(
    Type.Object({
      outcomeId: Type.String(),
      standing: Type.Integer(),
      converted: Type.Integer(),
      available: Type.Integer(),
    }),
  ),
});

const CatalogueEntrySchema = Type.Object(
  {
    type: TypeSchema,
    certificateCode: Nullable(Type.String({ minLength: 1, maxLength: 50 })),
    certificateName: Type.String({ maxLength: 100 }),
    level: Nullable(LevelSchema),
    suggestedCredits: Tenths('Suggested credits, in tenths'),
  },
  strict,
);

export const CatalogueSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  version: Type.Integer(),
  note: Type.String(),
  createdAt: Timestamp,
  inForce: Type.Boolean({ description: 'The highest version of its year' }),
  entries: Type.Array(CatalogueEntrySchema),
});

export const CatalogueListQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  strict,
);

export const CatalogueBody = Type.Object(
  {
    year: Type.Integer({
      minimum: 2000,
      maximum: 2100,
      description: 'The year the outcomes were achieved in',
    }),
    note: Type.Optional(Type.String({ maxLength: 500, description: 'What changed in this version' })),
    entries: Type.Array(CatalogueEntrySchema, { minItems: 1, maxItems: 500 }),
  },
  strict,
);

export const ImportResultSchema = Type.Object({
  importId: Type.String(),
  repeated: Type.Boolean({ description: 'The same file was imported before: nothing changed' }),
  rows: Type.Integer(),
  created: Type.Integer({ description: 'Outcomes recorded (待认定)' }),
  unchanged: Type.Integer({ description: 'Certificates already recorded for the learner' }),
  passed: Type.Integer({ description: 'Rows (sittings) passed: 合格' }),
  failed: Type.Integer({ description: 'Rows (sittings) failed: 不合格 (no certificate)' }),
});
