import {
  ACTION_ITEM_STATES,
  ACTION_UPDATE_STATES,
  ALERT_TIERS,
  ATTENDANCE_STATES,
  INDICATOR_STATUSES,
  MEETING_STATES,
  PROGRESS_STATUSES,
  UNIT_ROLES,
} from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import {
  DateString,
  literals,
  Nullable,
  Offset,
  Timestamp,
  UnitRef,
  Uuid,
} from '../../platform/http/schemas.ts';

/** A calendar date that exists (`format: date` rejects 2021-02-30, which the pattern alone lets through). */
const CalendarDate = (description: string) =>
  Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });

const Text = (max: number, description: string, min = 1) =>
  Type.String({ minLength: min, maxLength: max, description });

export const MeetingStateSchema = literals(MEETING_STATES);
export const ActionItemStateSchema = literals(ACTION_ITEM_STATES);

export const MeetingListQuery = Type.Object({
  state: Type.Optional(MeetingStateSchema),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 100, description: 'Page size' }),
  offset: Offset(),
});
export type MeetingListFilter = Static<typeof MeetingListQuery>;

export const ActionItemListQuery = Type.Object({
  meetingId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  state: Type.Optional(ActionItemStateSchema),
  overdue: Type.Optional(Type.Boolean({ description: 'Only items past their deadline and not completed' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 200, description: 'Page size' }),
  offset: Offset(),
});
export type ActionItemListFilter = Static<typeof ActionItemListQuery>;

export const MinutesFileQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: 'zh (default) or en' })),
});

export const MeetingInputBody = Type.Object(
  {
    title: Text(200, 'Title, e.g. 2021年第二次全区职业教育部门联席会议'),
    meetingDate: CalendarDate('Meeting date (会议日期)'),
    location: Text(200, 'Where it is held (地点)', 0),
    chair: Text(100, 'Who chairs it (主持), e.g. 副区长 王某', 0),
    conveningUnitId: Type.Optional({
      ...Uuid,
      description: 'Convening unit (召集单位); default: the actor’s unit',
    }),
    memberUnitIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 100,
      uniqueItems: true,
      description: 'Member units (成员单位) expected to attend',
    }),
    agenda: Type.Array(Text(500, 'One agenda item (议题)'), { maxItems: 30, description: 'Agenda (议程)' }),
  },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInputBody>;

export const RemarksBody = Type.Object(
  { remarks: Text(5000, 'The unit’s remarks on its status report (情况说明)') },
  { additionalProperties: false },
);

export const AttendanceBody = Type.Object(
  {
    units: Type.Array(
      Type.Object(
        {
          unitId: Uuid,
          present: Type.Boolean({ description: 'Whether the unit attended (出席)' }),
          attendees: Text(500, 'Who attended for the unit, e.g. 张某（副局长）', 0),
          absenceReason: Type.Optional(Text(500, 'Why the unit was absent (缺席原因)', 0)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100, description: 'One entry for every member unit' },
    ),
  },
  { additionalProperties: false },
);
export type AttendanceInput = Static<typeof AttendanceBody>;

export const DecisionBody = Type.Object(
  {
    decision: Text(2000, 'What the meeting decided (议定事项)'),
    responsibleUnitId: { ...Uuid, description: 'Responsible unit (责任单位)' },
    deadline: CalendarDate('Deadline (完成时限)'),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionBody>;

export const MinutesBody = Type.Object(
  { summary: Text(10000, 'Opening paragraph of the minutes (会议纪要正文导语)', 0) },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    narrative: Text(5000, 'What the unit has done (落实情况)'),
    fileIds: Type.Array(Uuid, {
      maxItems: 20,
      uniqueItems: true,
      description: 'Evidence from POST /api/files',
    }),
    complete: Type.Boolean({ description: 'The unit asks for 销号: the decision is carried out' }),
  },
  { additionalProperties: false },
);
export type UpdateInput = Static<typeof UpdateBody>;

export const ReturnBody = Type.Object(
  { comment: Text(2000, 'Why the update is returned (退回意见)') },
  { additionalProperties: false },
);

const Snapshot = Type.Object({
  windowStart: DateString,
  windowEnd: DateString,
  tasks: Type.Array(
    Type.Object({
      id: Type.String(),
      planCode: Type.String(),
      label: Type.String(),
      title: Type.String(),
      role: literals(UNIT_ROLES),
      progress: Nullable(literals(PROGRESS_STATUSES)),
      lastReportedPeriod: Nullable(Type.String()),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      taskLabel: Type.String(),
      latestValue: Nullable(Type.Number()),
      deadline: Type.String(),
      status: literals(INDICATOR_STATUSES),
    }),
  ),
  overdueReports: Type.Array(
    Type.Object({
      taskId: Type.String(),
      taskLabel: Type.String(),
      taskTitle: Type.String(),
      periodLabel: Type.String(),
      dueOn: Type.String(),
      daysLate: Type.Number(),
    }),
  ),
  rectification: Type.Object({
    open: Type.Number(),
    overdue: Type.Number(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        dueDate: Type.String(),
        tier: Nullable(literals(ALERT_TIERS)),
      }),
    ),
  }),
});

const ItemAbilities = Type.Object({
  update: Type.Boolean({ description: 'The actor may report progress now' }),
  review: Type.Boolean({ description: 'The actor may accept or return the pending update now' }),
  remove: Type.Boolean({ description: 'The actor may delete this draft decision' }),
});

export const ActionItemSchema = Type.Object({
  id: Type.String(),
  meeting: Type.Object({ id: Type.String(), title: Type.String(), meetingDate: Type.String() }),
  number: Type.Integer({ description: 'Position in the minutes (一、二、…)' }),
  decision: Type.String(),
  responsibleUnit: UnitRef,
  deadline: Type.String(),
  state: ActionItemStateSchema,
  completedOn: Nullable(Type.String()),
  daysLate: Nullable(
    Type.Integer({ description: 'Days past the deadline; negative = days left; null once completed' }),
  ),
  tier: Nullable(literals(ALERT_TIERS)),
  abilities: ItemAbilities,
});

const UpdateSchema = Type.Object({
  id: Type.String(),
  narrative: Type.String(),
  claimsCompletion: Type.Boolean(),
  state: literals(ACTION_UPDATE_STATES),
  submittedByName: Type.String(),
  submittedAt: Timestamp,
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp),
  reviewComment: Nullable(Type.String()),
  files: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), sizeBytes: Type.Number(), mime: Type.String() }),
  ),
});

export const ActionItemDetailSchema = Type.Object({
  ...ActionItemSchema.properties,
  updates: Type.Array(UpdateSchema),
});

export const MeetingSummarySchema = Type.Object({
  id: Type.String(),
  number: Type.Integer({ description: 'Meeting number in the district (第N次)' }),
  title: Type.String(),
  meetingDate: Type.String(),
  location: Type.String(),
  conveningUnit: UnitRef,
  state: MeetingStateSchema,
  memberCount: Type.Integer(),
  remarksMissing: Type.Integer({
    description: 'Status reports (visible to the actor) still without remarks',
  }),
  actionItemsOpen: Type.Integer({ description: 'Action items (visible to the actor) not yet completed' }),
});

export const MeetingDetailSchema = Type.Object({
  ...MeetingSummarySchema.properties,
  district: UnitRef,
  chair: Type.String(),
  agenda: Type.Array(Type.String()),
  minutesSummary: Type.String(),
  preparedAt: Nullable(Timestamp),
  windowStart: Nullable(Type.String()),
  heldAt: Nullable(Timestamp),
  minutesFinalAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  members: Type.Array(
    Type.Object({
      unit: UnitRef,
      attendance: literals(ATTENDANCE_STATES),
      attendees: Type.String(),
      absenceReason: Type.String(),
    }),
  ),
  statusReports: Type.Array(
    Type.Object({
      unit: UnitRef,
      snapshot: Nullable(Snapshot),
      snapshotAt: Nullable(Timestamp),
      remarks: Nullable(Type.String()),
      remarksByName: Nullable(Type.String()),
      remarksAt: Nullable(Timestamp),
      abilities: Type.Object({ remark: Type.Boolean() }),
    }),
  ),
  decisions: Type.Array(ActionItemSchema),
  abilities: Type.Object({
    edit: Type.Boolean(),
    prepare: Type.Boolean(),
    recordAttendance: Type.Boolean(),
    decide: Type.Boolean(),
    finaliseMinutes: Type.Boolean(),
    close: Type.Boolean(),
    exportMinutes: Type.Boolean(),
  }),
});
