import {
  ALERT_TIERS,
  EXTENSION_STATES,
  FINDING_SEVERITIES,
  FINDING_STATES,
  FINDING_SUBJECT_TYPES,
  INSPECTION_KINDS,
  INSPECTION_SCOPE_TYPES,
  INSPECTION_STATES,
  ORDER_STATES,
} from '@zhijiao/contracts';
import { Type, type Static, type TSchema } from 'typebox';
import {
  DateString,
  literals,
  Nullable,
  Offset,
  Timestamp,
  UnitRef,
  Uuid,
} from '../../platform/http/schemas.ts';

const Tier = literals(ALERT_TIERS);
export const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
export const Bool = (description: string) => Type.Boolean({ description });

export const InspectionStateSchema = literals(INSPECTION_STATES);
export const FindingStateSchema = literals(FINDING_STATES);
export const OrderStateSchema = literals(ORDER_STATES);

export const InspectionBody = Type.Object(
  {
    kind: literals(INSPECTION_KINDS),
    title: text(200, '督导名称, e.g. 2021年职业教育专项督导', 1),
    purpose: Type.String({ maxLength: 5000, default: '', description: '督导目的和内容' }),
    documentNumber: Type.Optional(Nullable(text(64, '发文字号 of the report, e.g. 上党督〔2021〕3号'))),
    startsOn: DateString,
    endsOn: DateString,
    schedule: Type.Array(
      Type.Object(
        { date: DateString, activity: text(500, 'What happens that day', 1) },
        { additionalProperties: false },
      ),
      { maxItems: 100, default: [], description: 'Schedule (日程): visits, reviews, feedback meetings' },
    ),
    inspectorIds: Type.Array(Uuid, {
      maxItems: 50,
      default: [],
      description: 'User ids of the inspectors (督学)',
    }),
    leadInspectorId: Type.Optional(
      Nullable(Type.String({ format: 'uuid', description: '督导组组长, one of inspectorIds' })),
    ),
    scope: Type.Array(
      Type.Object({ type: literals(INSPECTION_SCOPE_TYPES), id: Uuid }, { additionalProperties: false }),
      {
        maxItems: 500,
        default: [],
        description: 'Units, schools (org unit ids) and plan tasks (task ids) covered',
      },
    ),
  },
  { additionalProperties: false },
);

const InspectionAbilities = Type.Object({
  edit: Bool('May change the plan of the inspection'),
  start: Bool('May start it (planned → in_progress)'),
  complete: Bool('May complete it with a conclusion'),
  addFinding: Bool('May record findings'),
  recordInterview: Bool('May record interviews'),
  publishReport: Bool('May publish the report to the portal'),
});

export const InspectionSummarySchema = Type.Object({
  id: Type.String(),
  kind: literals(INSPECTION_KINDS),
  state: InspectionStateSchema,
  title: Type.String(),
  documentNumber: Nullable(Type.String()),
  startsOn: DateString,
  endsOn: DateString,
  findingCount: Type.Number({ description: 'Findings recorded' }),
  openOrderCount: Type.Number({ description: 'Rectification orders not yet closed' }),
  completedAt: Nullable(Timestamp),
  abilities: InspectionAbilities,
});

const OrderBrief = Type.Object({
  id: Type.String(),
  state: OrderStateSchema,
  dueDate: DateString,
  daysLate: Type.Number({
    description: 'Days past the deadline (negative = days left); at closing for closed orders',
  }),
  tier: Nullable(Tier),
  closedOnTime: Nullable(Type.Boolean()),
});

export const FindingSchema = Type.Object({
  id: Type.String(),
  inspection: Type.Object({ id: Type.String(), title: Type.String(), kind: Type.String() }),
  unit: UnitRef,
  subjectType: literals(FINDING_SUBJECT_TYPES),
  subjectId: Nullable(Type.String()),
  subjectLabel: Type.String({ description: 'Task or indicator as it read when the finding was made' }),
  evidence: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Snapshot: indicator value/target/status or missed reports',
  }),
  title: Type.String(),
  description: Type.String(),
  severity: literals(FINDING_SEVERITIES),
  state: FindingStateSchema,
  createdAt: Timestamp,
  order: Nullable(OrderBrief),
  abilities: Type.Object({ issueOrder: Bool('May issue the rectification order') }),
});

export const InspectionDetailSchema = Type.Intersect([
  InspectionSummarySchema,
  Type.Object({
    purpose: Type.String(),
    schedule: Type.Array(Type.Object({ date: DateString, activity: Type.String() })),
    conclusion: Type.String(),
    inspectors: Type.Array(
      Type.Object({ userId: Type.String(), displayName: Type.String(), isLead: Type.Boolean() }),
    ),
    scope: Type.Array(
      Type.Object({ type: literals(INSPECTION_SCOPE_TYPES), id: Type.String(), label: Type.String() }),
    ),
    findings: Type.Array(FindingSchema),
    publication: Nullable(Type.Object({ id: Type.String(), publishedAt: Timestamp })),
  }),
]);

export const FindingBody = Type.Object(
  {
    orgUnitId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: 'Unit concerned; defaults to the lead unit of the task or indicator',
        }),
      ),
    ),
    subjectType: literals(FINDING_SUBJECT_TYPES),
    subjectId: Type.Optional(
      Nullable(
        Type.String({ format: 'uuid', description: 'Task, indicator or joint-meeting action item id' }),
      ),
    ),
    subjectLabel: Type.Optional(
      text(300, 'Label of an action item or other subject (tasks and indicators are labelled by the server)'),
    ),
    title: text(300, '问题', 1),
    description: Type.String({ maxLength: 5000, default: '', description: '问题描述' }),
    severity: literals(FINDING_SEVERITIES),
  },
  { additionalProperties: false },
);

export const FindingFromSubjectBody = Type.Object(
  {
    subjectType: literals(['task', 'indicator'] as const),
    subjectId: Type.String({ format: 'uuid', description: 'An off-track indicator or an overdue task' }),
    severity: Type.Optional(literals(FINDING_SEVERITIES)),
  },
  { additionalProperties: false },
);

const OrderAbilities = Type.Object({
  answer: Bool('May answer with measures and evidence'),
  requestExtension: Bool('May ask for an extension'),
  decideExtension: Bool('May approve or refuse the pending extension'),
  verify: Bool('May verify the answer'),
  sendBack: Bool('May send the answer back'),
  close: Bool('May close the order (销号)'),
});

export const OrderSummarySchema = Type.Object({
  id: Type.String(),
  finding: Type.Object({ id: Type.String(), title: Type.String() }),
  inspection: Type.Object({ id: Type.String(), title: Type.String() }),
  unit: UnitRef,
  title: Type.String(),
  requirements: Type.String(),
  state: OrderStateSchema,
  issuedOn: DateString,
  originalDueDate: DateString,
  dueDate: DateString,
  closedOn: Nullable(DateString),
  daysLate: Type.Number({ description: 'Days past the deadline (negative = days left)' }),
  tier: Nullable(Tier),
  closedOnTime: Nullable(Type.Boolean()),
  pendingExtension: Type.Boolean(),
  link: Type.String({ description: 'Web path of the order' }),
  abilities: OrderAbilities,
});

export const OrderDetailSchema = Type.Intersect([
  OrderSummarySchema,
  Type.Object({
    measures: Nullable(Type.String()),
    reviewComment: Nullable(Type.String()),
    answeredAt: Nullable(Timestamp),
    verifiedAt: Nullable(Timestamp),
    files: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), sizeBytes: Type.Number(), mime: Type.String() }),
    ),
    extensions: Type.Array(
      Type.Object({
        id: Type.String(),
        requestedDueDate: DateString,
        reason: Type.String(),
        state: literals(EXTENSION_STATES),
        requestedAt: Timestamp,
        decidedAt: Nullable(Timestamp),
        decisionReason: Nullable(Type.String()),
      }),
    ),
    events: Type.Array(
      Type.Object({
        at: Timestamp,
        actor: Type.String(),
        action: Type.String(),
        comment: Nullable(Type.String()),
      }),
    ),
  }),
]);

export const IssueOrderBody = Type.Object(
  {
    title: Type.Optional(text(300, 'Title; defaults to 关于<finding>的整改通知')),
    requirements: text(5000, '整改要求', 1),
    dueDate: DateString,
  },
  { additionalProperties: false },
);
export const AnswerBody = Type.Object(
  {
    measures: text(10000, '整改措施及成效', 1),
    fileIds: Type.Array(Uuid, {
      maxItems: 20,
      default: [],
      description: 'Evidence files uploaded by your unit (POST /api/files)',
    }),
  },
  { additionalProperties: false },
);
export const ExtensionBody = Type.Object(
  { dueDate: DateString, reason: text(2000, '申请延期理由', 1) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  {
    approve: Bool('true = approve, false = refuse'),
    reason: Type.String({ maxLength: 2000, default: '', description: 'Required when refusing' }),
  },
  { additionalProperties: false },
);
export const CommentBody = Type.Object(
  {
    comment: Type.String({
      maxLength: 2000,
      default: '',
      description: 'Comment (required when sending back)',
    }),
  },
  { additionalProperties: false },
);

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
};
export const PageQuery = Type.Object(Paging);

export const InspectionsQuery = Type.Object({
  state: Type.Optional(InspectionStateSchema),
  q: Type.Optional(
    Type.String({ maxLength: 50, description: 'Text contained in the title or the document number (文号)' }),
  ),
  ...Paging,
});
export const CompletionBody = Type.Object(
  { conclusion: Type.String({ maxLength: 20000, default: '', description: '督导结论与意见' }) },
  { additionalProperties: false },
);
export const FindingsQuery = Type.Object({
  inspectionId: Type.Optional(Uuid),
  orgUnitId: Type.Optional(Uuid),
  state: Type.Optional(FindingStateSchema),
  ...Paging,
});
export const OrdersQuery = Type.Object({
  state: Type.Optional(OrderStateSchema),
  inspectionId: Type.Optional(Uuid),
  orgUnitId: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean({ description: 'Only open orders past their deadline' })),
  dueSoon: Type.Optional(Type.Boolean({ description: 'Only open orders due within 7 days or overdue' })),
  ...Paging,
});

/** The orders export's filters: the list's, and the colour tier the page filters on. */
export const OrdersExportQuery = Type.Object({
  ...Type.Omit(OrdersQuery, ['limit', 'offset']).properties,
  tier: Type.Optional(Tier),
});
export type OrdersExportFilter = Static<typeof OrdersExportQuery>;

export type InspectionInput = Static<typeof InspectionBody>;
export type FindingInput = Static<typeof FindingBody>;
export type FindingFromSubjectInput = Static<typeof FindingFromSubjectBody>;
export type IssueOrderInput = Static<typeof IssueOrderBody>;
export type AnswerInput = Static<typeof AnswerBody>;
export type ExtensionInput = Static<typeof ExtensionBody>;
export type DecisionInput = Static<typeof DecisionBody>;
export type InspectionsFilter = Static<typeof InspectionsQuery>;
export type FindingsFilter = Static<typeof FindingsQuery>;
export type OrdersFilter = Static<typeof OrdersQuery>;
export type Page = Static<typeof PageQuery>;
