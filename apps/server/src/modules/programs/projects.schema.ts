import { PROJECT_FILE_STAGES, PROJECT_KINDS, PROJECT_LEVELS, PROJECT_STATES } from '@zhijiao/contracts';
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
import { Ref, text } from './programs.schema.ts';

const Bool = (description: string) => Type.Boolean({ description });
const FileIds = Type.Array(Uuid, {
  maxItems: 20,
  default: [],
  description: 'Ids of files uploaded by the actor’s unit (POST /api/files)',
});
const On = Type.Optional(DateString);

export const ProjectBody = Type.Object(
  {
    kind: literals(PROJECT_KINDS),
    title: text(200, 'Name of the project, e.g. 焊接技术应用品牌专业建设', 1),
    summary: Type.String({ maxLength: 5000, default: '', description: 'Application summary (申报书摘要)' }),
    majorId: Type.Optional(Nullable(Uuid)),
    courseId: Type.Optional(Nullable(Uuid)),
    teacherId: Type.Optional(
      Nullable(
        Type.String({ format: 'uuid', description: 'Teacher in the teachers module (not checked here)' }),
      ),
    ),
    teacherName: Type.String({
      maxLength: 100,
      default: '',
      description: 'Teacher or team leader (required for studios, teams, master teachers)',
    }),
    fileIds: FileIds,
  },
  { additionalProperties: false },
);

export const CreateProjectBody = Type.Object(
  {
    ...ProjectBody.properties,
    schoolId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Applying school; default own unit' }),
    ),
    submit: Type.Boolean({ default: false, description: 'Apply at once (else a draft)' }),
  },
  { additionalProperties: false },
);

export const ScoreBody = Type.Object(
  {
    score: Type.Number({ minimum: 0, maximum: 100, description: 'Score 0–100 (kept to one decimal)' }),
    opinion: text(2000, 'Review opinion (评审意见)', 1),
  },
  { additionalProperties: false },
);

export const ApproveBody = Type.Object(
  {
    level: literals(PROJECT_LEVELS),
    note: Type.String({
      maxLength: 2000,
      default: '',
      description: 'Approval note, e.g. the document number',
    }),
    on: On,
  },
  { additionalProperties: false },
);

export const RejectBody = Type.Object(
  { reason: text(2000, 'Why not approved', 1), on: On },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  {
    passed: Bool('Passed (true) or failed (false)'),
    opinion: text(2000, 'Opinion of the check', 1),
    on: On,
    fileIds: FileIds,
  },
  { additionalProperties: false },
);

export const ProjectQuery = Type.Object({
  kind: Type.Optional(literals(PROJECT_KINDS)),
  level: Type.Optional(literals(PROJECT_LEVELS)),
  state: Type.Optional(literals(PROJECT_STATES)),
  schoolId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Title contains (literally)' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
});

const ProjectAbilities = Type.Object({
  edit: Bool('May edit the draft'),
  submit: Bool('May apply'),
  withdraw: Bool('May withdraw the application'),
  score: Bool('May score it (reviewer)'),
  decide: Bool('May approve or reject it'),
  midterm: Bool('May record the mid-term check'),
  acceptance: Bool('May record the acceptance'),
});

export const ProjectSummarySchema = Type.Object({
  id: Type.String(),
  kind: literals(PROJECT_KINDS),
  title: Type.String(),
  school: UnitRef,
  major: Nullable(Ref),
  course: Nullable(Ref),
  teacherId: Nullable(Type.String()),
  teacherName: Type.String(),
  state: literals(PROJECT_STATES),
  level: Nullable(literals(PROJECT_LEVELS)),
  averageScore: Nullable(Type.Number({ description: 'Mean of the reviewers’ scores' })),
  appliedAt: Nullable(Timestamp),
  approvedOn: Nullable(DateString),
  midtermOn: Nullable(DateString),
  closedOn: Nullable(DateString),
  abilities: ProjectAbilities,
});

export const ProjectDetailSchema = Type.Object({
  ...ProjectSummarySchema.properties,
  summary: Type.String(),
  decisionNote: Type.String(),
  files: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      sizeBytes: Type.Number(),
      mime: Type.String(),
      stage: literals(PROJECT_FILE_STAGES),
    }),
  ),
  events: Type.Array(
    Type.Object({
      at: Timestamp,
      action: Type.String(),
      comment: Nullable(Type.String()),
      actorName: Type.String(),
    }),
  ),
  reviews: Type.Array(
    Type.Object({
      reviewer: Nullable(Type.String({ description: 'Shown to the district’s reviewers only' })),
      mine: Type.Boolean(),
      score: Nullable(Type.Number({ description: 'Shown to the district’s reviewers only' })),
      opinion: Type.String(),
      scoredAt: Timestamp,
    }),
  ),
});
