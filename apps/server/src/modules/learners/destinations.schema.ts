import {
  DESTINATION_KINDS,
  DESTINATION_SOURCES,
  STUDY_LEVELS,
  STUDY_ROUTES,
  WORK_REGIONS,
} from '@zhijiao/contracts';
import { Type } from 'typebox';
import { PAY_RANGE } from './destination.rules.ts';
import { DateString, literals, Nullable, Timestamp, UnitRef, Uuid } from '../../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
const Kind = literals(DESTINATION_KINDS, {
  description: '就业, 自主创业, 参军入伍, 升学, 待就业, 其他',
});
const Region = literals(WORK_REGIONS, { description: '本区, 本省其他地区, 省外' });
const Level = literals(STUDY_LEVELS, { description: '高职（专科）, 本科' });
const Route = literals(STUDY_ROUTES, { description: '中高职衔接, 职教高考（对口升学）, 其他途径' });
const Source = literals(DESTINATION_SOURCES, {
  description: 'The school’s own record, or a graduate survey',
});

/** A destination as written: the fields of other kinds may be left out (they are cleared). */
export const DestinationBody = Type.Object(
  {
    kind: Kind,
    settledOn: Type.Optional(Nullable(DateString)),
    employerName: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: '就业单位 / 创业实体' })),
    ),
    employerUnitId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: 'The employer, when it is an enterprise on the register',
        }),
      ),
    ),
    relevantToMajor: Type.Optional(Nullable(Type.Boolean({ description: '专业对口' }))),
    monthlyPay: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: PAY_RANGE.min,
          maximum: PAY_RANGE.max,
          description: '起薪: first month’s pay before tax, yuan',
        }),
      ),
    ),
    region: Type.Optional(Nullable(Region)),
    institutionName: Type.Optional(Nullable(Type.String({ maxLength: 200, description: '升入学校' }))),
    studyLevel: Type.Optional(Nullable(Level)),
    studyRoute: Type.Optional(Nullable(Route)),
    note: Type.Optional(
      Nullable(Type.String({ maxLength: 500, description: '说明 (no ID or phone numbers)' })),
    ),
    source: Type.Optional(Source),
  },
  strict,
);

export const DestinationSchema = Type.Object({
  kind: Kind,
  settledOn: Nullable(DateString),
  employerName: Nullable(Type.String()),
  employerUnitId: Nullable(Type.String()),
  relevantToMajor: Nullable(Type.Boolean()),
  monthlyPay: Nullable(Type.Integer()),
  region: Nullable(Region),
  institutionName: Nullable(Type.String()),
  studyLevel: Nullable(Level),
  studyRoute: Nullable(Route),
  note: Nullable(Type.String()),
  source: Source,
  recordedAt: Timestamp,
});

export const LearnerDestinationResponse = Type.Object({
  destination: Nullable(DestinationSchema),
  graduatedOn: Nullable(DateString),
  abilities: Type.Object({
    record: Type.Boolean({ description: 'May record the destination (a graduate of the clerk’s school)' }),
  }),
});

const Share = Nullable(Type.Number({ description: 'A share from 0 to 1; null without a base' }));
export const FiguresSchema = Type.Object({
  graduates: Type.Integer(),
  recorded: Type.Integer({ description: 'Graduates with a destination recorded' }),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Graduates per destination kind' }),
  employed: Type.Integer({ description: '就业 (employed, self-employed, enlisted)' }),
  articulation: Type.Integer({ description: 'Further study through 中高职衔接' }),
  settledShare: Share,
  employmentShare: Share,
  furtherStudyShare: Share,
  relevantShare: Share,
  inDistrictShare: Share,
  meanPay: Nullable(Type.Integer()),
  medianPay: Nullable(Type.Integer()),
});

export const GraduateDestinationsQuery = Type.Object(
  {
    graduationYear: Type.Integer({ minimum: 2000, maximum: 2100, description: '毕业年份' }),
    schoolId: Type.Optional(Uuid),
  },
  strict,
);

export const GraduateDestinationsResponse = Type.Object({
  graduationYear: Type.Integer(),
  figures: FiguresSchema,
  schools: Type.Array(Type.Object({ school: UnitRef, figures: FiguresSchema })),
  graduates: Type.Array(
    Type.Object({
      id: Type.String(),
      school: UnitRef,
      name: Type.String(),
      idMasked: Type.String(),
      majorName: Type.String(),
      className: Type.String(),
      cohortYear: Type.Integer(),
      graduatedOn: DateString,
      destination: Nullable(DestinationSchema),
      abilities: Type.Object({ record: Type.Boolean() }),
    }),
  ),
});
