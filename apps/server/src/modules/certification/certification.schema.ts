import {
  CERTIFICATION_CRITERIA_KEYS,
  CERTIFICATION_OPINIONS,
  CERTIFICATION_STANDINGS,
  CERTIFICATION_STATES,
  INCENTIVE_KINDS,
} from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, UnitRef, Uuid } from '../../platform/http/schemas.ts';

const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' });
const Text = Type.Object({ zh: Type.String(), en: Type.String() });

export const ApplicationQuery = Type.Object(
  {
    year: Type.Optional(Year),
    state: Type.Optional(literals(CERTIFICATION_STATES)),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ApplyBody = Type.Object(
  {
    enterpriseId: Type.Optional(Uuid),
    year: Year,
    statement: Type.String({
      maxLength: 2000,
      default: '',
      description: 'The enterprise’s statement (申报说明); the evidence itself is measured from the records',
    }),
  },
  { additionalProperties: false },
);

export const OpinionBody = Type.Object(
  {
    opinion: literals(CERTIFICATION_OPINIONS),
    comment: Type.String({ maxLength: 1000, default: '', description: 'Required when disagreeing' }),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { note: Type.String({ maxLength: 1000, default: '', description: 'The decision’s note (认定意见)' }) },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: text(1000, 'The reason (理由), required') },
  { additionalProperties: false },
);

export const RecheckBody = Type.Object(
  { comment: Type.String({ maxLength: 1000, default: '', description: 'The re-check’s note (复核意见)' }) },
  { additionalProperties: false },
);

const CriterionResultSchema = Type.Object({
  key: literals(CERTIFICATION_CRITERIA_KEYS),
  group: literals(['all', 'any'] as const),
  basis: Type.String({ description: 'The clause of 发改社会〔2019〕590号 it comes from' }),
  required: Text,
  actual: Text,
  met: Type.Boolean(),
  measured: Type.Boolean({ description: 'False: the source of its records is not wired in (未接入)' }),
});

const CountsByYear = Type.Record(Type.String(), Type.Number());

export const EvaluationSchema = Type.Object({
  date: Type.String(),
  evidence: Type.Object({
    cooperationSince: Nullable(Type.String()),
    longInternsByYear: CountsByYear,
    apprenticesByYear: CountsByYear,
    coBuiltBases: Type.Number(),
    coDevelopedCoursesByYear: CountsByYear,
    lastYearDuty: literals(['met', 'short', 'not_applicable', 'not_judged'] as const),
    notMeasured: Type.Optional(Type.Array(literals(CERTIFICATION_CRITERIA_KEYS))),
  }),
  evaluation: Type.Object({ eligible: Type.Boolean(), results: Type.Array(CriterionResultSchema) }),
});

const StandingSchema = Nullable(
  Type.Object({
    standing: literals(CERTIFICATION_STANDINGS),
    certifiedOn: Type.String(),
    validUntil: Type.String(),
    recheckDates: Type.Array(Type.String()),
    nextRecheckOn: Nullable(Type.String()),
    lastRecheckOn: Nullable(Type.String()),
  }),
);

const Abilities = Type.Object({
  apply: Type.Boolean(),
  sign: Type.Boolean(),
  certify: Type.Boolean(),
  refuse: Type.Boolean(),
  recheck: Type.Boolean(),
  revoke: Type.Boolean(),
});

export const ApplicationSummarySchema = Type.Object({
  id: Type.String(),
  enterprise: UnitRef,
  appliedBy: UnitRef,
  year: Type.Integer(),
  appliedOn: Type.String(),
  state: literals(CERTIFICATION_STATES),
  decidedOn: Nullable(Type.String()),
  opinionsGiven: Type.Integer({ description: 'Lines of the 会签单 signed (of `panelSize`)' }),
  panelSize: Type.Integer({
    description:
      'Lines the joint review needs: the district’s joint-review bureaus but the applying unit (回避)',
  }),
  certification: StandingSchema,
  abilities: Abilities,
});

export const ApplicationSchema = Type.Object({
  ...ApplicationSummarySchema.properties,
  ...{
    statement: Type.String(),
    decisionNote: Type.String(),
    revokedOn: Nullable(Type.String()),
    revokeReason: Type.String(),
    evaluation: Type.Object({
      ...EvaluationSchema.properties,
      measuredNow: Type.Boolean({ description: 'Measured now (under review), not a decision’s snapshot' }),
    }),
    opinions: Type.Array(
      Type.Object({
        bureau: UnitRef,
        recused: Type.Boolean({
          description:
            'The bureau filed the application (回避): its line is not signed, the review needs the others',
        }),
        opinion: Nullable(literals(CERTIFICATION_OPINIONS)),
        comment: Type.String(),
        givenOn: Nullable(Type.String()),
      }),
    ),
    rechecks: Type.Array(
      Type.Object({
        checkedOn: Type.String(),
        passed: Type.Boolean(),
        comment: Type.String(),
        evaluation: EvaluationSchema,
      }),
    ),
    history: Type.Array(
      Type.Object({
        at: Type.String(),
        action: Type.String(),
        comment: Nullable(Type.String()),
        actor: Type.String(),
      }),
    ),
    mySignature: Type.Boolean({ description: 'The actor’s unit signs the 会签单' }),
  },
});

export const IncentiveQuery = Type.Object(
  {
    year: Type.Optional(Year),
    kind: Type.Optional(literals(INCENTIVE_KINDS)),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const IncentiveBody = Type.Object(
  {
    enterpriseId: Uuid,
    kind: literals(INCENTIVE_KINDS),
    grantor: Type.String({
      maxLength: 100,
      default: '',
      description: 'A bank or other grantor outside the district’s bureaus',
    }),
    amount: Type.Optional(
      Type.Unsafe<number | null>({
        type: 'number',
        nullable: true,
        exclusiveMinimum: 0,
        maximum: 1e11,
        description: 'Amount in yuan (资金、贷款、减免额)',
      }),
    ),
    measure: Type.String({
      maxLength: 500,
      default: '',
      description: 'The measure in words when not an amount',
    }),
    grantedOn: DateString,
    basisNumber: Type.String({
      maxLength: 100,
      default: '',
      description: 'The basis document’s number (文号)',
    }),
    basisFileId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

const Total = { count: Type.Integer(), amount: Type.Number() };

export const IncentiveSchema = Type.Object({
  id: Type.String(),
  enterprise: UnitRef,
  applicationId: Type.String(),
  kind: literals(INCENTIVE_KINDS),
  grantingUnit: UnitRef,
  grantor: Type.String(),
  amount: Nullable(Type.Number()),
  measure: Type.String(),
  grantedOn: Type.String(),
  basisNumber: Type.String(),
  basisFile: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const IncentiveListSchema = Type.Object({
  items: Type.Array(IncentiveSchema),
  totals: Type.Object({
    ...Total,
    byEnterprise: Type.Array(Type.Object({ enterprise: UnitRef, ...Total })),
    byKind: Type.Array(Type.Object({ kind: literals(INCENTIVE_KINDS), ...Total })),
    byYear: Type.Array(Type.Object({ year: Type.Integer(), ...Total })),
  }),
  abilities: Type.Object({ grant: Type.Boolean() }),
});
