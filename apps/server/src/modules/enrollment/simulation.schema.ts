import { ENROLLMENT_TRACKS } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable } from '../../platform/http/schemas.ts';

/** Schemas of the quota what-if (招生计划模拟): quota overrides in, counts and fill rates out. */

export const SimulationBody = Type.Object(
  {
    quotas: Type.Array(
      Type.Object(
        {
          programId: Type.String({ format: 'uuid', description: 'A program of the simulated batches' }),
          quota: Type.Integer({ minimum: 0, maximum: 100000, description: 'Seats to try instead' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000, description: 'Quotas to change; programs not listed keep their quota' },
    ),
    sourceSeasonId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Whose candidates and preferences to match: another season of the district (e.g. last year); default the batch’s own season',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SimulationInput = Static<typeof SimulationBody>;

const Summary = Type.Object({
  candidates: Type.Integer({ description: 'Candidates who listed a program of the simulated batches' }),
  placed: Type.Integer({ description: 'Candidates placed' }),
  unplaced: Type.Integer({ description: 'Candidates not placed' }),
  general: Type.Integer({ description: 'Placed in 普高 programs' }),
  vocational: Type.Integer({ description: 'Placed in 中职 programs' }),
  vocationalShare: Type.Number({ description: 'vocational ÷ placed, 0–1 (0 when nobody is placed)' }),
});

const Projection = Type.Object({
  summary: Summary,
  batches: Type.Array(
    Type.Object({
      batchId: Type.String({ description: 'Batch id' }),
      summary: Summary,
    }),
    { description: 'Each simulated batch on its own, in order' },
  ),
  programs: Type.Array(
    Type.Object({
      programId: Type.String({ description: 'Program id' }),
      batchId: Type.String({ description: 'Batch id' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      school: Type.String({ description: 'Receiving school' }),
      track: literals(ENROLLMENT_TRACKS),
      quota: Type.Integer({ description: 'Seats in this projection' }),
      reserved: Type.Integer({ description: 'Of which reserved (指标到校)' }),
      admitted: Type.Integer({ description: 'Seats filled' }),
      fillRate: Type.Number({ description: 'admitted ÷ quota, 0–1' }),
      cutoff: Nullable(Type.Number({ description: 'Lowest 投档分 admitted to open seats, or null' })),
    }),
  ),
});

export const SimulationSchema = Type.Object({
  source: Type.Object(
    {
      seasonId: Type.String({ description: 'Season whose candidates were matched' }),
      name: Type.String({ description: 'Its name' }),
      admissionYear: Type.Integer({ description: 'Its admission year' }),
    },
    { description: 'Where the candidates and preferences came from' },
  ),
  batches: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Id' }),
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      sourceBatch: Nullable(
        Type.String({ description: 'The source season’s batch used for it (by code, else position)' }),
      ),
    }),
    { description: 'The batches matched, in order: every batch up to and including the chosen one' },
  ),
  current: Projection,
  scenario: Projection,
});
export type Simulation = Static<typeof SimulationSchema>;
