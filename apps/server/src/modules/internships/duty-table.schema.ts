import { DUTY_STATUSES } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Offset, UnitRef } from '../../platform/http/schemas.ts';

export const DutyTableQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' }),
  districtId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'A district at or under the actor’s unit: its enterprises’ rows (an actor above districts otherwise gets one row per district)',
    }),
  ),
  enterpriseId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Only this enterprise’s row (its register page)' }),
  ),
  status: Type.Optional(literals(DUTY_STATUSES, { description: 'Only enterprises with this duty status' })),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Enterprise name, legal name or 统一社会信用代码 contains (literally)',
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Enterprise rows a page' }),
  offset: Offset(),
});
export type DutyTableQuery = Static<typeof DutyTableQuery>;

const count = (description: string) => Type.Integer({ minimum: 0, description });

/** The duty summed over enterprises (a district's, or every district's under the actor's unit). */
const DutyTotals = Type.Object({
  enterprises: count('Enterprises in the table: on the register, or offering posts or interns that year'),
  aboveScale: count('Of them, 规上 that year'),
  judged: count('Of the 规上, with a staff count on file (the duty is judged)'),
  met: count('Of the judged, meeting the duty'),
  short: count('Of the judged, short of it'),
  notJudged: count('Whether 规上 or the staff count not on file: not judged'),
  staff: count('Staff of the judged enterprises'),
  required: count('Posts required of them (each enterprise’s staff × 2 %, rounded up)'),
  offered: count('Places the judged enterprises offered on posts published that year'),
  filled: count('Of them, held by a placement'),
  sharePercent: Nullable(
    Type.Number({
      description: 'offered ÷ staff × 100 over the judged (the plan’s T13 ratio); null with no staff',
    }),
  ),
  posts: count('Posts published that year, by every enterprise in the table'),
  places: count('Their places'),
  placements: count('Placements running that year'),
  insured: count('Of them, covered by a policy for the whole period'),
  coveragePercent: Nullable(Type.Number({ description: 'insured ÷ placements × 100; null with none' })),
});

const DutyDistrictRow = Type.Object({ district: UnitRef, ...DutyTotals.properties });

const DutyEnterpriseRow = Type.Object({
  enterprise: UnitRef,
  districtId: Type.String(),
  registered: Type.Boolean({ description: 'On the enterprise register (企业名录)' }),
  status: literals(DUTY_STATUSES),
  staff: Nullable(Type.Integer({ description: '职工总数 on the register for the year' })),
  required: Nullable(Type.Integer({ description: 'Posts required; null unless judged' })),
  offered: Type.Integer({ description: 'Places offered on posts published that year' }),
  filled: Type.Integer({ description: 'Of them, held by a placement' }),
  shortfall: Nullable(
    Type.Integer({ description: 'Posts missing against the required; null unless judged' }),
  ),
  posts: Type.Integer({ description: 'Posts published that year' }),
  placements: Type.Integer({ description: 'Placements running that year' }),
  insured: Type.Integer({ description: 'Of them, covered by a policy for the whole period' }),
  note: Type.String({ description: 'Why the status, in words, in the request’s language' }),
});

export const DutyTableSchema = Type.Object({
  year: Type.Integer(),
  level: literals(['region', 'district'] as const, {
    description: 'region: one row per district (`districts`); district: that district’s enterprises',
  }),
  unit: UnitRef,
  totals: DutyTotals,
  districts: Type.Array(DutyDistrictRow, { description: 'Level region: each district’s sums, by code' }),
  enterprises: Type.Object(
    { items: Type.Array(DutyEnterpriseRow), total: Type.Integer() },
    {
      description:
        'Level district: the enterprises, short first (largest shortfall first), then not judged, met, not applicable; an enterprise’s account gets its own row only',
    },
  ),
});
export type DutyTable = Static<typeof DutyTableSchema>;
