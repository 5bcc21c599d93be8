import { ENROLLMENT_REGISTRATION_STATUSES, ENROLLMENT_SEXES, ENROLLMENT_TRACKS } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Timestamp, Uuid } from '../../platform/http/schemas.ts';

/** Schemas of results, admitted lists, 报到 (registration) and the public look-up. */

/** The admitted list's filters (the season is the path's). */
export const AdmissionsQuery = Type.Object({
  programId: Type.Optional(Uuid),
  batchId: Type.Optional(Uuid),
  schoolId: Type.Optional(Uuid),
});

/** The admitted list export's filters: the list's, and the registration status the page filters on. */
export const AdmissionsExportQuery = Type.Object({
  ...AdmissionsQuery.properties,
  status: Type.Optional(literals(['pending', ...ENROLLMENT_REGISTRATION_STATUSES] as const)),
});
export type AdmissionsFilter = Static<typeof AdmissionsExportQuery>;

export const RegistrationBody = Type.Object(
  {
    status: literals(ENROLLMENT_REGISTRATION_STATUSES),
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Why the candidate did not enrol (required for declined)' }),
    ),
  },
  { additionalProperties: false },
);

export const AdmissionSchema = Type.Object({
  candidateId: Type.String({ description: 'Candidate id' }),
  examNumber: Type.String({ description: '考号 (exam number)' }),
  name: Type.String({ description: 'Name' }),
  idMasked: Type.String({ description: 'ID number, masked' }),
  sex: literals(ENROLLMENT_SEXES),
  juniorHigh: Type.String({ description: 'Junior high school name' }),
  program: Type.Object(
    {
      id: Type.String({ description: 'Id' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      schoolName: Type.String({ description: 'The receiving school’s name' }),
    },
    { description: 'The program admitted to' },
  ),
  score: Type.Number({ description: '投档分 (total + bonus)' }),
  choice: Type.Integer({ description: 'Position of this program in the candidate’s list' }),
  seat: Nullable(Type.String({ description: 'Reserved group, or null for an open seat' })),
  registration: Nullable(
    Type.Object({
      status: literals(ENROLLMENT_REGISTRATION_STATUSES),
      reason: Nullable(Type.String()),
      recordedAt: Timestamp,
    }),
  ),
});

export const LookupBody = Type.Object(
  {
    seasonId: Type.String({ format: 'uuid', description: 'The season' }),
    examNumber: Type.String({ minLength: 1, maxLength: 32, description: '考号' }),
    idNumber: Type.String({ minLength: 1, maxLength: 32, description: '身份证号' }),
  },
  { additionalProperties: false },
);

const Cutoff = Nullable(Type.Number({ description: 'Lowest 投档分 admitted to open seats, or null' }));

export const LookupResultSchema = Type.Object({
  examNumber: Type.String({ description: '考号 (exam number)' }),
  name: Type.String({ description: 'Name' }),
  status: literals(['admitted', 'not_admitted', 'pending'] as const),
  score: Type.Number({
    description: '投档分: 原始总分 + 政策照顾分, the score the cut-offs are compared with',
  }),
  admission: Nullable(
    Type.Object({
      batch: Type.String({ description: 'Batch name' }),
      program: Type.String({ description: 'Program name' }),
      programCode: Type.String({ description: 'Program code' }),
      school: Type.String({ description: 'School name' }),
      track: literals(ENROLLMENT_TRACKS),
      choice: Type.Integer({ description: 'Position in the candidate’s list' }),
    }),
  ),
  why: Type.Array(
    Type.Object({
      batch: Type.String({ description: 'Batch name' }),
      choice: Type.Integer({ description: 'Position in the list' }),
      programCode: Type.String({ description: 'Program code' }),
      program: Type.String({ description: 'Program name' }),
      school: Type.String({ description: 'School name' }),
      cutoff: Cutoff,
    }),
    { description: 'Programs listed above the one obtained (or all, when unplaced), with cut-offs' },
  ),
  explanation: Type.Union(
    [
      Type.Literal('first_choice'),
      Type.Literal('later_choice'),
      Type.Literal('unplaced'),
      Type.Literal('no_choices'),
    ],
    {
      description:
        'Which explanation goes with `why`: admitted with nothing listed above (first_choice) or with ' +
        'programs listed above (later_choice); not admitted with programs listed (unplaced) or none (no_choices)',
    },
  ),
});

export const CutoffsSchema = Type.Object({
  season: Type.Object({
    id: Type.String({ description: 'Id' }),
    name: Type.String({ description: 'Name' }),
    admissionYear: Type.Integer({ description: 'Admission year' }),
  }),
  programs: Type.Array(
    Type.Object({
      batch: Type.String({ description: 'Batch name' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      school: Type.String({ description: 'School name' }),
      track: literals(ENROLLMENT_TRACKS),
      quota: Type.Integer({ description: 'Seats, reserved ones included' }),
      admitted: Type.Integer({ description: 'Seats filled' }),
      fillRate: Type.Number({ description: 'admitted ÷ quota, 0–1' }),
      cutoff: Cutoff,
    }),
  ),
});
