import {
  ATTENDANCE_FLAGS,
  EVALUATION_GRADES,
  EVALUATION_PARTIES,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INTERNSHIP_KINDS,
  PLACEMENT_DOCUMENTS,
  PLACEMENT_STATES,
  POST_HIGH_RISK_WORK,
  POST_STATES,
  POST_VENUES,
  PREMIUM_PAYERS,
} from '@zhijiao/contracts';
import { Type, type TSchema } from 'typebox';
import {
  DateString,
  literals,
  Nullable,
  Offset,
  Timestamp,
  UnitRef,
  Uuid,
} from '../../platform/http/schemas.ts';

const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
const Bool = (description: string) => Type.Boolean({ description });
const Yuan = (description: string) => Type.Number({ minimum: 0, maximum: 1_000_000, description });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' });
/** A reason a post or placement is refused or warned about, with the field it is about. */
export const ReasonSchema = Type.Object({
  code: Type.String({ description: 'Stable reason code, e.g. INSURANCE_PERIOD_SHORT' }),
  field: Type.String({ description: 'The field it is about, e.g. insurance.endsOn' }),
  zh: Type.String(),
  en: Type.String(),
});
export const CheckSchema = Type.Object({
  ok: Bool('Nothing refuses it'),
  refusals: Type.Array(ReasonSchema),
  warnings: Type.Array(ReasonSchema),
});

export const PostBody = Type.Object(
  {
    title: text(200, 'Name of the post, e.g. 数控车床操作实习岗', 1),
    kind: literals(INTERNSHIP_KINDS),
    majors: Type.Array(text(60, 'A major it suits (专业名称)', 1), {
      maxItems: 20,
      default: [],
      description: 'Majors it suits',
    }),
    places: Type.Integer({ minimum: 1, maximum: 10000, description: 'Number of places (名额)' }),
    year: Year,
    startsOn: DateString,
    endsOn: DateString,
    location: text(200, 'Where the intern works', 1),
    dailyHours: Type.Number({ exclusiveMinimum: 0, maximum: 24, description: 'Hours a day' }),
    weeklyHours: Type.Number({ exclusiveMinimum: 0, maximum: 168, description: 'Hours a week' }),
    nightWork: Bool('Night shifts (夜班)'),
    overtimeWork: Bool('Overtime (加班)'),
    holidayWork: Bool('Work on statutory holidays'),
    filingReference: Type.String({
      maxLength: 100,
      default: '',
      description:
        'Reference of the special arrangement filed with the supervising department (备案文号); empty = none',
    }),
    venue: Nullable(literals(POST_VENUES)),
    viaAgent: Type.Boolean({ default: false, description: 'Arranged through an agent (中介)' }),
    labourIntensityClass: Type.Integer({
      minimum: 1,
      maximum: 4,
      description: 'Physical labour intensity class I–IV (GB 3869) as 1–4',
    }),
    highRiskWork: Type.Array(literals(POST_HIGH_RISK_WORK), { maxItems: 6, default: [] }),
    monthlyPay: Yuan('Pay offered, yuan a month'),
    sameJobMonthlyWage: Nullable(
      Yuan('Wage of the same post at the enterprise, yuan a month; null = not given'),
    ),
    lowestWageGrade: Type.Optional(
      Nullable(Yuan('The enterprise’s lowest wage grade, yuan a month; null = not given')),
    ),
    staffOnPost: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          description: 'Staff on the same post; null = not known',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const CreatePostBody = Type.Object(
  {
    ...PostBody.properties,
    publish: Type.Boolean({ default: false, description: 'Publish at once (else a draft)' }),
  },
  { additionalProperties: false },
);

export const PostQuery = Type.Object({
  year: Type.Optional(Year),
  state: Type.Optional(literals(POST_STATES)),
  kind: Type.Optional(literals(INTERNSHIP_KINDS)),
  enterpriseId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Title contains (literally)' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
});

const PostAbilities = Type.Object({
  edit: Bool('May edit the draft'),
  publish: Bool('May publish it'),
  close: Bool('May close it'),
  place: Bool('May place the actor’s students on it'),
});

export const PostSchema = Type.Object({
  id: Type.String(),
  enterprise: UnitRef,
  title: Type.String(),
  kind: literals(INTERNSHIP_KINDS),
  majors: Type.Array(Type.String()),
  places: Type.Integer(),
  placed: Type.Integer({ description: 'Placements on it that are not terminated' }),
  year: Type.Integer(),
  startsOn: DateString,
  endsOn: DateString,
  location: Type.String(),
  dailyHours: Type.Number(),
  weeklyHours: Type.Number(),
  nightWork: Type.Boolean(),
  overtimeWork: Type.Boolean(),
  holidayWork: Type.Boolean(),
  filingReference: Type.String(),
  venue: Nullable(literals(POST_VENUES)),
  viaAgent: Type.Boolean(),
  labourIntensityClass: Type.Integer(),
  highRiskWork: Type.Array(literals(POST_HIGH_RISK_WORK)),
  monthlyPay: Type.Number(),
  sameJobMonthlyWage: Nullable(Type.Number()),
  lowestWageGrade: Nullable(Type.Number()),
  staffOnPost: Nullable(Type.Integer()),
  state: literals(POST_STATES),
  publishedOn: Nullable(DateString),
  closedOn: Nullable(DateString),
  check: CheckSchema,
  abilities: PostAbilities,
});

export const PlacementBody = Type.Object(
  {
    studentName: text(50, 'The student’s name', 1),
    major: text(60, 'The student’s major', 1),
    studyYear: Type.Integer({ minimum: 1, maximum: 5, description: 'Year of study (1 = first year)' }),
    guardianName: Type.String({ maxLength: 50, default: '', description: 'Guardian (required for a minor)' }),
    schoolSupervisor: Type.String({
      maxLength: 50,
      default: '',
      description: 'School supervisor (校内指导教师)',
    }),
    enterpriseMentor: Type.String({
      maxLength: 50,
      default: '',
      description: 'Enterprise mentor (企业指导人员)',
    }),
    startsOn: DateString,
    endsOn: DateString,
    monthlyPay: Type.Optional(Yuan('Pay, yuan a month; default the post’s')),
  },
  { additionalProperties: false },
);

export const CreatePlacementBody = Type.Object(
  {
    ...PlacementBody.properties,
    postId: Uuid,
    idNumber: Type.String({ minLength: 1, maxLength: 30, description: '居民身份证号 (GB 11643, checked)' }),
  },
  { additionalProperties: false },
);

const FileId = Type.String({ format: 'uuid', description: 'A file the actor uploaded (POST /api/files)' });

export const DocumentsBody = Type.Object(
  {
    agreement: Type.Optional(
      Nullable(Type.Object({ fileId: FileId, signedOn: DateString }, { additionalProperties: false })),
    ),
    consent: Type.Optional(
      Nullable(
        Type.Object(
          {
            fileId: FileId,
            studentSignedOn: Nullable(DateString),
            guardianSignedOn: Nullable(DateString),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    insurance: Type.Optional(
      Nullable(
        Type.Object(
          {
            insurer: text(100, 'Insurer (保险公司)', 1),
            policyNumber: text(60, 'Policy number (保单号)', 1),
            startsOn: DateString,
            endsOn: DateString,
            premiumPaidBy: literals(PREMIUM_PAYERS),
            fileId: FileId,
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const ExtendBody = Type.Object({ endsOn: DateString }, { additionalProperties: false });
export const EndBody = Type.Object(
  { note: Type.String({ maxLength: 500, default: '', description: 'Why it ended (终止原因) or a remark' }) },
  { additionalProperties: false },
);

export const PlacementQuery = Type.Object({
  year: Type.Optional(Year),
  state: Type.Optional(literals(PLACEMENT_STATES)),
  postId: Type.Optional(Uuid),
  schoolId: Type.Optional(Uuid),
  enterpriseId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
});

const PlacementAbilities = Type.Object({
  edit: Bool('May edit the placement (school, not started)'),
  documents: Bool('May put documents on file'),
  activate: Bool('May start the internship (启动实习)'),
  extend: Bool('May extend it'),
  complete: Bool('May record it as completed'),
  terminate: Bool('May terminate it'),
  recordAttendance: Bool('May keep its attendance log (enterprise)'),
  reportIncident: Bool(
    'May report an incident (the school or the host enterprise, while it runs or just after)',
  ),
  notifyInsurer: Bool('May record that the insurer was notified of an incident'),
  evaluate: Bool('May write its own party’s evaluation (while it runs)'),
  evaluateAs: Nullable(
    literals(EVALUATION_PARTIES, { description: 'The evaluation the actor writes, if any' }),
  ),
  readStudentPapers: Bool(
    'May download the consent form and the insurance policy (the school’s readers; the host enterprise sees them as on file)',
  ),
});

const FileRef = Type.Object({ id: Type.String(), name: Type.String() });

export const PlacementSummarySchema = Type.Object({
  id: Type.String(),
  post: Type.Object({ id: Type.String(), title: Type.String(), kind: literals(INTERNSHIP_KINDS) }),
  enterprise: UnitRef,
  school: UnitRef,
  student: Type.Object({
    name: Type.String(),
    idMasked: Type.String({ description: 'ID number masked: first 6 and last 4 kept' }),
    sex: literals(['M', 'F'] as const),
    ageAtStart: Type.Integer({ description: 'Age in completed years on the start date' }),
  }),
  major: Type.String(),
  studyYear: Type.Integer(),
  startsOn: DateString,
  endsOn: DateString,
  state: literals(PLACEMENT_STATES),
  documents: Type.Object({
    agreement: Bool('The three-party agreement is on file'),
    consent: Bool('The consent (and the guardian’s for a minor) is on file'),
    insurance: Bool('A policy covering the whole period is on file'),
  }),
  insuredUntil: Nullable(DateString),
});

const Grade = literals(EVALUATION_GRADES, { description: '优秀 / 良好 / 合格 / 不合格' });

export const EvaluationSchema = Type.Object({
  party: literals(EVALUATION_PARTIES),
  grade: Grade,
  comments: Type.String(),
  evaluatedOn: DateString,
  recordedBy: Type.String({ description: 'The name of the account that wrote it' }),
  recordedAt: Timestamp,
});

export const IncidentSchema = Type.Object({
  id: Type.String(),
  occurredAt: Timestamp,
  kind: literals(INCIDENT_KINDS),
  severity: literals(INCIDENT_SEVERITIES),
  injury: Bool('An injury kind: the insurer must be notified'),
  description: Type.String({
    description: 'Free text; may name health details (seen by who sees the placement)',
  }),
  measures: Type.String(),
  coveredBy: Nullable(
    Type.Object(
      { insurer: Type.String(), policyNumber: Type.String() },
      { description: 'The policy on file that covered the day, as it stood at the report' },
    ),
  ),
  insurerNotifiedAt: Nullable(Timestamp),
  claimReference: Type.String(),
  mayNotifyInsurer: Bool(
    'The actor may record the insurer’s notification (none on file; the school, or the party that reported it)',
  ),
  reportedByParty: literals(EVALUATION_PARTIES),
  reportedBy: Type.String(),
  reportedAt: Timestamp,
  files: Type.Array(FileRef),
});

export const PlacementDetailSchema = Type.Object({
  ...PlacementSummarySchema.properties,
  guardianName: Nullable(Type.String({ description: 'Shown to the school only' })),
  schoolSupervisor: Type.String(),
  enterpriseMentor: Type.String(),
  monthlyPay: Type.Number(),
  agreement: Nullable(Type.Object({ file: FileRef, signedOn: DateString })),
  consent: Nullable(
    Type.Object({
      file: FileRef,
      studentSignedOn: Nullable(DateString),
      guardianSignedOn: Nullable(DateString),
    }),
  ),
  insurance: Nullable(
    Type.Object({
      insurer: Type.String(),
      policyNumber: Type.String(),
      startsOn: DateString,
      endsOn: DateString,
      premiumPaidBy: literals(PREMIUM_PAYERS),
      file: FileRef,
    }),
  ),
  activatedOn: Nullable(DateString),
  endedOn: Nullable(DateString),
  endNote: Type.String(),
  checklist: Type.Array(
    Type.Object({
      item: literals([...PLACEMENT_DOCUMENTS, 'rules'] as const),
      ok: Type.Boolean(),
      reasons: Type.Array(ReasonSchema),
    }),
    { description: 'What starting the internship asks, item by item (the 启动实习 checklist)' },
  ),
  activationCheck: CheckSchema,
  completionCheck: Type.Object(
    { ...CheckSchema.properties },
    { description: 'What recording the placement as completed asks (the evaluations, injuries reported)' },
  ),
  result: Nullable(literals(EVALUATION_GRADES, { description: 'The overall result kept at completion' })),
  evaluations: Type.Array(EvaluationSchema),
  incidents: Type.Array(IncidentSchema),
  events: Type.Array(
    Type.Object({
      at: Timestamp,
      action: Type.String(),
      comment: Nullable(Type.String()),
      documents: Type.Array(literals(PLACEMENT_DOCUMENTS), {
        description: 'The documents a 更新实习材料 step filed; empty for other steps',
      }),
      actorName: Type.String(),
    }),
  ),
  abilities: PlacementAbilities,
});

export const IncidentBody = Type.Object(
  {
    occurredAt: Type.String({
      format: 'date-time',
      description: 'When it happened (within the placement, not in the future)',
    }),
    kind: literals(INCIDENT_KINDS),
    severity: literals(INCIDENT_SEVERITIES),
    description: text(2000, 'What happened (free text; may name health details)', 1),
    measures: Type.String({ maxLength: 2000, default: '', description: 'Measures taken' }),
    insurerNotifiedAt: Type.Optional(
      Nullable(
        Type.String({ format: 'date-time', description: 'When the insurer was notified (报案), if already' }),
      ),
    ),
    claimReference: Type.String({
      maxLength: 100,
      default: '',
      description: 'The insurer’s case (报案) number',
    }),
    fileIds: Type.Array(Uuid, {
      maxItems: 10,
      default: [],
      description: 'Files the actor uploaded (photos, records)',
    }),
  },
  { additionalProperties: false },
);

export const InsurerNotificationBody = Type.Object(
  {
    notifiedAt: Type.String({ format: 'date-time', description: 'When the insurer was notified (报案)' }),
    claimReference: Type.String({
      maxLength: 100,
      default: '',
      description: 'The insurer’s case (报案) number',
    }),
  },
  { additionalProperties: false },
);

export const EvaluationBody = Type.Object(
  {
    grade: Grade,
    comments: Type.String({ maxLength: 2000, default: '' }),
    evaluatedOn: DateString,
  },
  { additionalProperties: false },
);

export const AttendanceBody = Type.Object(
  {
    date: DateString,
    startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, China time' }),
    endTime: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'HH:MM, China time; at or before the start = the next day',
    }),
    holiday: Type.Boolean({ default: false, description: 'The date is a statutory holiday (法定节假日)' }),
    note: Type.String({ maxLength: 200, default: '' }),
  },
  { additionalProperties: false },
);

export const AttendanceSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      date: DateString,
      startsAt: Timestamp,
      endsAt: Timestamp,
      hours: Type.Number(),
      holiday: Type.Boolean(),
      note: Type.String(),
      flags: Type.Array(literals(ATTENDANCE_FLAGS)),
      violations: Type.Array(ReasonSchema),
    }),
  ),
  weeks: Type.Array(Type.Object({ monday: DateString, hours: Type.Number() })),
  violationCount: Type.Integer(),
});
