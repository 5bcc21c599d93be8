import { ALERT_TIERS, COMMITMENT_STATES, SANCTION_GROUNDS, SANCTION_KINDS } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { DateString, literals, Nullable, Timestamp, UnitRef, Uuid } from '../../platform/http/schemas.ts';
import { Bool, OrderStateSchema, text } from './supervision.schema.ts';

/** Schemas of interviews, rewards and penalties, the assessment, the dashboard and public reports. */

const Tier = literals(ALERT_TIERS);
export const InterviewBody = Type.Object(
  {
    orgUnitId: Type.String({ format: 'uuid', description: '被约谈单位' }),
    heldOn: DateString,
    interviewers: text(500, '约谈人 (names and posts; never published)', 1),
    interviewees: text(500, '被约谈人 (names and posts; never published)', 1),
    reason: text(5000, '约谈事由', 1),
    findingIds: Type.Array(Uuid, {
      maxItems: 100,
      default: [],
      description: 'Findings of this inspection the interview is about',
    }),
    commitments: Type.Array(
      Type.Object(
        { text: text(2000, '承诺事项', 1), dueDate: Type.Optional(Nullable(DateString)) },
        { additionalProperties: false },
      ),
      { maxItems: 50, default: [] },
    ),
  },
  { additionalProperties: false },
);

export const InterviewSchema = Type.Object({
  id: Type.String(),
  inspectionId: Type.String(),
  unit: UnitRef,
  heldOn: DateString,
  interviewers: Type.String(),
  interviewees: Type.String(),
  reason: Type.String(),
  findings: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  commitments: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      dueDate: Nullable(DateString),
      state: literals(COMMITMENT_STATES),
      followUp: Nullable(Type.String()),
      followedUpAt: Nullable(Timestamp),
    }),
  ),
  abilities: Type.Object({ followUp: Bool('May record the follow-up of commitments') }),
});

export const FollowUpBody = Type.Object(
  { state: literals(['fulfilled', 'unfulfilled'] as const), followUp: text(2000, '跟踪落实情况', 1) },
  { additionalProperties: false },
);

export const SanctionBody = Type.Object(
  {
    orgUnitId: Uuid,
    inspectionId: Type.Optional(
      Nullable(Type.String({ format: 'uuid', description: 'The inspection it follows from' })),
    ),
    kind: literals(SANCTION_KINDS),
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Assessment year it counts for' }),
    points: Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'Points added (reward) or taken (penalty)',
    }),
    title: text(300, '奖惩事项', 1),
    ground: literals(SANCTION_GROUNDS),
    groundsText: text(5000, '奖惩依据', 1),
    refs: Type.Array(
      Type.Object(
        { type: text(40, 'finding, order, indicator…', 1), id: Uuid },
        { additionalProperties: false },
      ),
      { maxItems: 100, default: [] },
    ),
    decidedOn: DateString,
  },
  { additionalProperties: false },
);

export const SanctionsQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  orgUnitId: Type.Optional(Uuid),
});

export const SanctionSchema = Type.Object({
  id: Type.String(),
  unit: UnitRef,
  inspectionId: Nullable(Type.String()),
  kind: literals(SANCTION_KINDS),
  year: Type.Number(),
  points: Type.Number(),
  title: Type.String(),
  ground: literals(SANCTION_GROUNDS),
  groundsText: Type.String(),
  refs: Type.Array(Type.Object({ type: Type.String(), id: Type.String() })),
  decidedOn: DateString,
});

export const AssessmentSchema = Type.Object({
  year: Type.Number(),
  formula: Type.String({ description: 'How the score is computed' }),
  rows: Type.Array(
    Type.Object({
      unit: UnitRef,
      findings: Type.Number(),
      seriousFindings: Type.Number(),
      closedOnTime: Type.Number({ description: 'Orders due this year, closed by their deadline' }),
      closedLate: Type.Number(),
      openOverdue: Type.Number({ description: 'Orders due this year, still open past their deadline' }),
      rewardPoints: Type.Number(),
      penaltyPoints: Type.Number(),
      score: Type.Number(),
      grade: literals(['excellent', 'good', 'pass', 'fail'] as const),
    }),
  ),
});

const Tiers = Type.Object({ blue: Type.Number(), yellow: Type.Number(), red: Type.Number() });
export const DashboardSchema = Type.Object({
  today: DateString,
  scope: literals(['district', 'inspector', 'units'] as const),
  orders: Type.Object({
    total: Type.Number(),
    open: Type.Number(),
    overdue: Type.Number(),
    closedOnTime: Type.Number(),
    closedLate: Type.Number(),
    byState: Type.Record(Type.String(), Type.Number()),
    byTier: Tiers,
  }),
  findings: Type.Object({ total: Type.Number(), byState: Type.Record(Type.String(), Type.Number()) }),
  units: Type.Array(
    Type.Object({
      unit: UnitRef,
      findings: Type.Number(),
      openFindings: Type.Number(),
      orders: Type.Number(),
      open: Type.Number(),
      overdue: Type.Number(),
      closedOnTime: Type.Number(),
      closedLate: Type.Number(),
      byTier: Tiers,
    }),
  ),
  overdue: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      unit: UnitRef,
      state: OrderStateSchema,
      dueDate: DateString,
      daysLate: Type.Number(),
      tier: Tier,
      inspectionId: Type.String(),
      link: Type.String(),
    }),
  ),
});

export const PublicReportSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  publishedAt: Timestamp,
  district: Type.Object({ code: Type.String(), name: Type.String() }),
});

const Block = Type.Object(
  {
    kind: Type.String(),
    level: Type.Optional(Type.Number()),
    text: Type.Optional(Type.String()),
    align: Type.Optional(Type.String()),
    indent: Type.Optional(Type.Boolean()),
    columns: Type.Optional(Type.Array(Type.String())),
    rows: Type.Optional(Type.Array(Type.Array(Type.String()))),
    widths: Type.Optional(Type.Array(Type.Number())),
    items: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'One block of the document (see platform/documents/document-model.ts)' },
);
export const PublicReportSchema = Type.Intersect([
  PublicReportSummary,
  Type.Object({
    document: Type.Object({
      title: Type.String(),
      issuer: Type.Optional(Type.String()),
      documentNumber: Type.Optional(Type.String()),
      subtitle: Type.Optional(Type.String()),
      date: Type.String(),
      signature: Type.Optional(Type.String()),
      blocks: Type.Array(Block),
      lang: Type.String(),
    }),
  }),
]);

export type InterviewInput = Static<typeof InterviewBody>;
export type FollowUpInput = Static<typeof FollowUpBody>;
export type SanctionInput = Static<typeof SanctionBody>;
export type SanctionsFilter = Static<typeof SanctionsQuery>;
