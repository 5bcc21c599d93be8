import {
  ENROLLMENT_RUN_STATES,
  ENROLLMENT_SEASON_STATES,
  ENROLLMENT_SEXES,
  ENROLLMENT_TRACKS,
} from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Timestamp, UnitRef } from '../../platform/http/schemas.ts';

const Code = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$',
  description: 'Short code: letters, digits, - and _',
});
const Name = Type.String({ minLength: 1, maxLength: 100, description: 'Display name' });

export const SeasonBody = Type.Object(
  {
    admissionYear: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Admission year (招生年度)' }),
    name: Name,
    subjects: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,31}$', description: 'Subject key, e.g. math' }),
          name: Name,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20, description: 'Exam subjects in the order of the exam office’s columns' },
    ),
    tieBreak: Type.Array(Type.String({ maxLength: 32 }), {
      maxItems: 20,
      description: 'Subject keys breaking ties of 投档分, in order',
    }),
  },
  { additionalProperties: false },
);
export type SeasonInput = Static<typeof SeasonBody>;

export const BatchBody = Type.Object(
  {
    code: Code,
    name: Name,
    position: Type.Integer({
      minimum: 1,
      maximum: 20,
      description: 'Order of the batch (1 = first matched)',
    }),
    opensAt: Type.String({ format: 'date-time', description: 'Preference window opens' }),
    closesAt: Type.String({ format: 'date-time', description: 'Preference window closes (locks)' }),
    maxChoices: Type.Integer({ minimum: 1, maximum: 50, description: 'Most programs a candidate may list' }),
  },
  { additionalProperties: false },
);
export type BatchInput = Static<typeof BatchBody>;

export const ProgramBody = Type.Object(
  {
    batchId: Type.String({ format: 'uuid', description: 'The batch the program is offered in' }),
    code: Code,
    name: Name,
    schoolCode: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Org-unit code of the receiving school',
    }),
    track: literals(ENROLLMENT_TRACKS),
    quota: Type.Integer({ minimum: 0, maximum: 100000, description: 'Seats (reserved ones included)' }),
    minScore: Type.Optional(
      Nullable(Type.Number({ minimum: 0, maximum: 10000, description: 'Lowest 投档分 admitted' })),
    ),
    requires: Type.Optional(
      Type.Object(
        { sex: Type.Optional(literals(ENROLLMENT_SEXES)) },
        { additionalProperties: false, description: 'Conditions, e.g. { sex: "F" }' },
      ),
    ),
    reserved: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Code,
            capacity: Type.Integer({ minimum: 0, maximum: 100000, description: 'Reserved seats' }),
            schoolCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
              minItems: 1,
              maxItems: 200,
              description: 'Feeder junior high schools',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: '指标到校 groups' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProgramInput = Static<typeof ProgramBody>;

const Abilities = Type.Object({
  manage: Type.Boolean({ description: 'May set up, import, match and publish' }),
  fillPreferences: Type.Boolean({ description: 'May fill preferences for own candidates' }),
  register: Type.Boolean({ description: 'May confirm registrations (报到)' }),
});

const SeasonBase = {
  id: Type.String({ description: 'Id' }),
  admissionYear: Type.Integer({ description: 'Admission year' }),
  name: Type.String({ description: 'Season name' }),
  subjects: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Subject key' }),
      name: Type.String({ description: 'Name' }),
    }),
    {
      description: 'Exam subjects',
    },
  ),
  tieBreak: Type.Array(Type.String(), { description: 'Tie-break subject keys in order' }),
  state: literals(ENROLLMENT_SEASON_STATES),
  districtId: Type.String({ description: 'District org unit' }),
  abilities: Abilities,
};
export const SeasonSummarySchema = Type.Object(SeasonBase);

export const SeasonDetailSchema = Type.Object({
  ...SeasonBase,
  batches: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Id' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      position: Type.Integer({ description: 'Order of the batch' }),
      opensAt: Timestamp,
      closesAt: Timestamp,
      maxChoices: Type.Integer({ description: 'Most programs a candidate may list' }),
      window: literals(['not_open', 'open', 'closed'] as const),
      published: Type.Boolean({ description: 'A run of this batch is published' }),
    }),
  ),
  programs: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Id' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      batchId: Type.String({ description: 'Batch id' }),
      school: UnitRef,
      track: literals(ENROLLMENT_TRACKS),
      quota: Type.Integer({ description: 'Seats, reserved ones included' }),
      minScore: Nullable(Type.Number()),
      requires: Type.Object({ sex: Type.Optional(literals(ENROLLMENT_SEXES)) }),
      reserved: Type.Array(
        Type.Object({
          code: Type.String({ description: 'Code' }),
          capacity: Type.Integer({ description: 'Reserved seats' }),
          schoolIds: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
});

/** A candidate as staff see them: the ID number masked, always. */
/** The preferences list export's filters, as the candidates table filters its rows. */
export const CandidatesExportQuery = Type.Object({
  schoolId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Only candidates of this junior high' }),
  ),
  sex: Type.Optional(literals(ENROLLMENT_SEXES)),
  q: Type.Optional(Type.String({ maxLength: 50, description: 'Exam number or name contains' })),
});
export type CandidatesFilter = Static<typeof CandidatesExportQuery>;

export const CandidateSchema = Type.Object({
  id: Type.String({ description: 'Id' }),
  examNumber: Type.String({ description: '考号' }),
  name: Type.String({ description: 'Name' }),
  idMasked: Type.String({ description: 'ID number, masked (140421********1234)' }),
  sex: literals(ENROLLMENT_SEXES),
  school: UnitRef,
  scores: Type.Record(Type.String(), Type.Number(), { description: 'Scores by subject key' }),
  total: Type.Number({ description: '原始总分' }),
  bonus: Type.Number({ description: '政策照顾分' }),
});

export const ImportResultSchema = Type.Object({
  importId: Type.String({ description: 'The import' }),
  repeated: Type.Boolean({ description: 'The same file was imported before; nothing changed' }),
  rows: Type.Integer({ description: 'Rows in the file' }),
  created: Type.Integer({ description: 'Candidates added' }),
  updated: Type.Integer({ description: 'Candidates changed' }),
  unchanged: Type.Integer({ description: 'Rows identical to the stored candidate' }),
});

export const PreferencesBody = Type.Object(
  {
    batchId: Type.String({ format: 'uuid', description: 'Batch the choices are for' }),
    choices: Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 50,
      description: 'Program ids, most wanted first',
    }),
  },
  { additionalProperties: false },
);

export const PreferencesSchema = Type.Object({
  candidate: CandidateSchema,
  batches: Type.Array(
    Type.Object({
      batchId: Type.String({ description: 'Batch id' }),
      choices: Type.Array(
        Type.Object({
          programId: Type.String({ description: 'Program id' }),
          code: Type.String({ description: 'Code' }),
          name: Type.String({ description: 'Name' }),
        }),
      ),
      locked: Type.Boolean({ description: 'The window is not open: choices cannot change' }),
      history: Type.Array(
        Type.Object({
          at: Timestamp,
          by: Nullable(Type.String({ description: 'User name' })),
          old: Nullable(Type.Array(Type.String())),
          new: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
  abilities: Type.Object({ edit: Type.Boolean({ description: 'May change the choices' }) }),
});

const Summary = Type.Object({
  candidates: Type.Integer({ description: 'Candidates in the run' }),
  placed: Type.Integer({ description: 'Candidates placed' }),
  unplaced: Type.Integer({ description: 'Candidates not placed' }),
  general: Type.Integer({ description: 'Placed in 普高 programs' }),
  vocational: Type.Integer({ description: 'Placed in 中职 programs' }),
  vocationalShare: Type.Number({ description: 'vocational ÷ placed, 0–1' }),
});

export const RunSchema = Type.Object({
  id: Type.String({ description: 'Id' }),
  batchId: Type.String({ description: 'Batch id' }),
  state: literals(ENROLLMENT_RUN_STATES),
  inputHash: Type.String({ description: 'sha256 of the engine input' }),
  summary: Summary,
  createdAt: Timestamp,
  reviewedAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
  abilities: Type.Object({
    review: Type.Boolean({ description: 'May mark it reviewed' }),
    publish: Type.Boolean({ description: 'May publish it' }),
  }),
});

export const RunDetailSchema = Type.Object({
  run: RunSchema,
  output: Type.String({ description: 'The engine’s output, byte for byte as stored' }),
});
