import {
  AGREEMENT_STATUSES,
  APPRENTICESHIP_SCHEMES,
  APPRENTICESHIP_STATES,
  CENTRE_KINDS,
  CENTRE_PROJECT_KINDS,
  CENTRE_STATES,
  COOPERATION_SCOPES,
} from '@zhijiao/contracts';
import { Type, type TSchema } from 'typebox';
import { DateString, literals, Nullable, Offset, UnitRef, Uuid } from '../../platform/http/schemas.ts';

const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
const Bool = (description: string) => Type.Boolean({ description });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' });
const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' });
const Q = Type.String({ minLength: 1, maxLength: 100, description: 'Title or name contains (literally)' });
/** A number or null where null stays null (Ajv would coerce a null in a union to 0). */
const NullableCount = (description: string, maximum = 10_000_000) =>
  Type.Unsafe<number | null>({ type: 'integer', nullable: true, minimum: 0, maximum, description });
const NullableYuan = (description: string) =>
  Type.Unsafe<number | null>({ type: 'number', nullable: true, minimum: 0, maximum: 1e11, description });
/** A file id or null (an OpenAPI `nullable`, so null is never coerced to an empty string). */
const NullableFileId = (description: string) =>
  Type.Unsafe<string | null>({ type: 'string', format: 'uuid', nullable: true, description });
const NullableDate = (description: string) =>
  Type.Unsafe<string | null>({
    type: 'string',
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    nullable: true,
    description,
  });
const Names = (description: string) =>
  Type.Array(text(40, 'A name', 1), { maxItems: 50, default: [], description });
export const Items = <T extends TSchema>(t: T) =>
  Type.Object({ items: Type.Array(t), total: Type.Integer() });
const FileRef = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

// ——— Agreements ———

export const AgreementBody = Type.Object(
  {
    enterpriseId: Type.String({ format: 'uuid', description: 'The enterprise (org unit of the register)' }),
    title: text(200, 'Title, e.g. 区职业高中—振东集团校企合作协议', 1),
    startsOn: DateString,
    endsOn: DateString,
    scopes: Type.Array(literals(COOPERATION_SCOPES), {
      minItems: 1,
      maxItems: COOPERATION_SCOPES.length,
      uniqueItems: true,
      description: 'What it covers (合作范围)',
    }),
    summary: text(2000, 'What the parties agreed, in short', 0),
    agreementFileId: NullableFileId('The signed agreement (an upload of the actor’s, or the one on file)'),
    signedOn: NullableDate('Date signed; required with the file'),
  },
  { additionalProperties: false },
);

export const AgreementQuery = Type.Object({
  status: Type.Optional(literals(AGREEMENT_STATUSES)),
  scope: Type.Optional(literals(COOPERATION_SCOPES)),
  enterpriseId: Type.Optional(Uuid),
  year: Type.Optional(
    Type.Integer({ minimum: 2000, maximum: 2100, description: 'Running at some time of this year' }),
  ),
  q: Type.Optional(Q),
  limit: Limit,
  offset: Offset(),
});

export const TerminationBody = Type.Object(
  {
    terminatedOn: DateString,
    reason: text(1000, 'Why it ends (终止原因)', 1),
  },
  { additionalProperties: false },
);

export const AgreementSchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  enterprise: UnitRef,
  title: Type.String(),
  startsOn: DateString,
  endsOn: DateString,
  scopes: Type.Array(literals(COOPERATION_SCOPES)),
  summary: Type.String(),
  signedOn: Nullable(DateString),
  file: FileRef,
  status: literals(AGREEMENT_STATUSES),
  terminatedOn: Nullable(DateString),
  terminationReason: Type.String(),
  apprenticeships: Type.Integer({ description: 'Apprenticeships under it' }),
  abilities: Type.Object({ edit: Bool('May edit it'), terminate: Bool('May terminate it') }),
});

// ——— Apprenticeships ———

const StageInput = Type.Object(
  { title: text(100, 'Stage, e.g. 企业岗位培养', 1), plannedEndOn: DateString },
  { additionalProperties: false },
);

export const ApprenticeshipBody = Type.Object(
  {
    agreementId: Type.String({ format: 'uuid', description: 'The school’s agreement with the enterprise' }),
    scheme: literals(APPRENTICESHIP_SCHEMES),
    title: text(200, 'Name, e.g. 2021级药剂专业现代学徒制试点班', 1),
    occupation: text(100, 'The major (现代学徒制) or occupation (企业新型学徒制)', 1),
    startsOn: DateString,
    endsOn: DateString,
    apprenticeCount: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Apprentices (people)' }),
    schoolMentors: Names('School mentors (学校导师)'),
    enterpriseMentors: Names('Enterprise mentors (企业师傅)'),
    planSummary: text(4000, 'The jointly made training plan in short (人才培养方案摘要)'),
    planFileId: NullableFileId('The training plan file'),
    stages: Type.Array(StageInput, { maxItems: 20, default: [], description: 'Training stages in order' }),
  },
  { additionalProperties: false },
);

export const ApprenticeshipQuery = Type.Object({
  scheme: Type.Optional(literals(APPRENTICESHIP_SCHEMES)),
  state: Type.Optional(literals(APPRENTICESHIP_STATES)),
  enterpriseId: Type.Optional(Uuid),
  agreementId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Only the programmes under this agreement' }),
  ),
  year: Type.Optional(Year),
  q: Type.Optional(Q),
  limit: Limit,
  offset: Offset(),
});

export const ReturnBody = Type.Object(
  { reason: text(1000, 'Why it goes back', 1) },
  { additionalProperties: false },
);
export const StageCompletionBody = Type.Object(
  {
    stageId: Type.String({ format: 'uuid' }),
    completedOn: DateString,
    note: text(1000, 'What was done'),
  },
  { additionalProperties: false },
);
export const CompletionBody = Type.Object(
  {
    completedOn: DateString,
    completedCount: Type.Integer({
      minimum: 0,
      maximum: 100_000,
      description: 'Apprentices finishing (结业)',
    }),
    note: text(1000, 'Note'),
  },
  { additionalProperties: false },
);
export const EndBody = Type.Object({ reason: text(1000, 'Why it ends', 1) }, { additionalProperties: false });

const Refusal = Type.Object({
  field: Type.String(),
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});

export const ApprenticeshipSchema = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  agreementTitle: Type.String(),
  school: UnitRef,
  enterprise: UnitRef,
  scheme: literals(APPRENTICESHIP_SCHEMES),
  title: Type.String(),
  occupation: Type.String(),
  startsOn: DateString,
  endsOn: DateString,
  apprenticeCount: Type.Integer(),
  schoolMentors: Type.Array(Type.String()),
  enterpriseMentors: Type.Array(Type.String()),
  planSummary: Type.String(),
  planFile: FileRef,
  state: literals(APPRENTICESHIP_STATES),
  schoolApprovedOn: Nullable(DateString),
  enterpriseApprovedOn: Nullable(DateString),
  completedOn: Nullable(DateString),
  completedCount: Nullable(Type.Integer()),
  endNote: Type.String(),
  stages: Type.Array(
    Type.Object({
      id: Type.String(),
      seq: Type.Integer(),
      title: Type.String(),
      plannedEndOn: DateString,
      completedOn: Nullable(DateString),
      note: Type.String(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      action: Type.String(),
      comment: Nullable(Type.String()),
      actorName: Type.String({ description: 'Who took the step: the account’s name (empty if unknown)' }),
      actorUnit: Type.String({
        description: 'The unit the account acted for when it took the step (the school or the enterprise)',
      }),
    }),
  ),
  approvalCheck: Type.Array(Refusal, { description: 'What stands in the way of approval now (empty: none)' }),
  abilities: Type.Object({
    edit: Bool('May edit the draft'),
    schoolApproval: Bool('May approve for the school'),
    enterpriseApproval: Bool('May approve for the enterprise'),
    return: Bool('May return it to the school'),
    progress: Bool('May record a stage done'),
    complete: Bool('May record its completion'),
    terminate: Bool('May terminate it'),
  }),
});

// ——— Centres and teaching factories ———

export const CentreBody = Type.Object(
  {
    kind: literals(CENTRE_KINDS),
    name: text(200, 'Name, e.g. 上党区中药制剂应用技术协同创新中心', 1),
    partnerIds: Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 50,
      uniqueItems: true,
      description: 'Partner enterprises (a teaching factory run by the school alone has none)',
    }),
    field: text(200, 'Technical field or trade'),
    openedOn: DateString,
  },
  { additionalProperties: false },
);

export const CentreQuery = Type.Object({
  kind: Type.Optional(literals(CENTRE_KINDS)),
  state: Type.Optional(literals(CENTRE_STATES)),
  enterpriseId: Type.Optional(Uuid),
  q: Type.Optional(Q),
  limit: Limit,
  offset: Offset(),
});

export const ClosureBody = Type.Object(
  { closedOn: DateString, reason: text(1000, 'Why it closes', 1) },
  { additionalProperties: false },
);

export const ProjectBody = Type.Object(
  {
    kind: literals(CENTRE_PROJECT_KINDS),
    title: text(200, 'Project title', 1),
    enterpriseId: NullableFileId('The partner it is with (null: all partners)'),
    startsOn: DateString,
    endsOn: NullableDate('End date, if ended or planned'),
    staffTrained: NullableCount('Enterprise staff trained (职工培训人次)'),
    studentsTrained: NullableCount('Students trained (学生实训人次)'),
    valueYuan: NullableYuan('Revenue or value created, yuan (where given)'),
    note: text(1000, 'Note'),
  },
  { additionalProperties: false },
);

export const ProjectParams = Type.Object({ id: Uuid, projectId: Uuid });

const ProjectSchema = Type.Object({
  id: Type.String(),
  kind: literals(CENTRE_PROJECT_KINDS),
  title: Type.String(),
  enterprise: Nullable(UnitRef),
  startsOn: DateString,
  endsOn: Nullable(DateString),
  staffTrained: Nullable(Type.Integer()),
  studentsTrained: Nullable(Type.Integer()),
  valueYuan: Nullable(Type.Number()),
  note: Type.String(),
});

export const CentreSchema = Type.Object({
  id: Type.String(),
  kind: literals(CENTRE_KINDS),
  name: Type.String(),
  school: UnitRef,
  partners: Type.Array(UnitRef),
  field: Type.String(),
  openedOn: DateString,
  state: literals(CENTRE_STATES),
  closedOn: Nullable(DateString),
  closeReason: Type.String(),
  totals: Type.Object({
    projects: Type.Integer(),
    staffTrained: Type.Integer(),
    studentsTrained: Type.Integer(),
    valueYuan: Type.Number(),
  }),
  projects: Type.Array(ProjectSchema),
  abilities: Type.Object({
    edit: Bool('May edit it'),
    projects: Bool('May record projects'),
    close: Bool('May close it'),
  }),
});
