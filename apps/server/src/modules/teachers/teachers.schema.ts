import {
  CERTIFICATE_KINDS,
  DQ_APPLICATION_STATES,
  DQ_LEVELS,
  EDUCATION_LEVELS,
  HIRE_RULE_REASONS,
  PROFESSIONAL_TITLES,
  SKILL_LEVELS,
  TEACHER_SERIES,
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

export const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
const Bool = (description: string) => Type.Boolean({ description });
const strict = { additionalProperties: false } as const;

export const SeriesSchema = literals(TEACHER_SERIES);
export const DqLevelSchema = literals(DQ_LEVELS);
export const DqStateSchema = literals(DQ_APPLICATION_STATES);
const Period = Type.Object(
  { startsOn: DateString, endsOn: Nullable(DateString) },
  { ...strict, description: 'Both ends inclusive; endsOn null = still running' },
);

const Parts = {
  majors: Type.Array(
    Type.Object(
      {
        code: text(20, 'Major code (national 中职 catalogue code, e.g. 660301), free text for now', 1),
        name: text(100, 'Major name, e.g. 焊接技术应用'),
      },
      strict,
    ),
    { maxItems: 20, default: [], description: 'Majors taught' },
  ),
  specialisedPeriods: Type.Array(Period, {
    maxItems: 50,
    default: [],
    description: 'When the teacher teaches 专业课 (incl. as 实习指导教师): from/to, inside the employment',
  }),
  workHistory: Type.Array(
    Type.Object(
      {
        employer: text(200, 'Enterprise (工作单位)', 1),
        industry: text(100, 'Industry (行业)'),
        job: Type.String({ maxLength: 100, default: '', description: 'Post held there' }),
        startsOn: DateString,
        endsOn: Nullable(DateString),
      },
      strict,
    ),
    { maxItems: 50, default: [], description: 'Enterprise work history (企业工作经历)' },
  ),
  certificates: Type.Array(
    Type.Object(
      {
        kind: literals(CERTIFICATE_KINDS),
        name: text(200, 'Certificate or occupation, e.g. 焊工', 1),
        level: Nullable(literals(SKILL_LEVELS)),
        issuer: text(200, 'Issuing body (发证机构)'),
        certificateNo: Type.String({ maxLength: 64, default: '', description: 'Certificate number' }),
        issuedOn: DateString,
      },
      strict,
    ),
    { maxItems: 50, default: [], description: '职业资格 / 职业技能等级 and other certificates' },
  ),
  practice: Type.Array(
    Type.Object(
      {
        year: Type.Integer({ minimum: 1950, maximum: 2200, description: 'Calendar year' }),
        hours: Type.Number({
          minimum: 0,
          maximum: 8784,
          description: 'Hours of enterprise practice that year',
        }),
        enterprise: Type.String({ maxLength: 200, default: '', description: 'Where' }),
      },
      strict,
    ),
    { maxItems: 100, default: [], description: 'Enterprise practice (企业实践) hours per year' },
  ),
};

const Core = {
  name: text(100, 'Name (姓名)', 1),
  sex: Type.Optional(literals(['M', 'F'] as const)),
  phone: Type.Optional(Nullable(text(30, 'Mobile; stored encrypted, answered masked'))),
  education: literals(EDUCATION_LEVELS),
  professionalTitle: literals(PROFESSIONAL_TITLES),
  post: Type.String({ maxLength: 100, default: '', description: 'Post (岗位), e.g. 专任教师、教研组长' }),
  series: SeriesSchema,
  internshipInstructor: Type.Boolean({ default: false, description: '实习指导教师' }),
  hireDate: DateString,
  leaveDate: Type.Union([DateString, Type.Null()], {
    default: null,
    description: 'First day no longer employed',
  }),
};

export const CreateTeacherBody = Type.Object(
  {
    schoolId: Type.String({ format: 'uuid', description: 'The school whose register it is' }),
    idNumber: text(30, '居民身份证号 (checksum checked; sex and birth date come from it)', 1),
    ...Core,
    ...Parts,
  },
  strict,
);

export const UpdateTeacherBody = Type.Object(
  {
    idNumber: Type.Optional(text(30, 'A corrected ID number; omit to keep it', 1)),
    ...Core,
    ...Parts,
  },
  strict,
);

const DqBrief = Type.Object({ level: DqLevelSchema, validUntil: DateString });

export const TeacherSummarySchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  name: Type.String(),
  idMasked: Type.String({ description: 'e.g. 140421********1234' }),
  phoneMasked: Nullable(Type.String({ description: 'e.g. 138****8000' })),
  sex: literals(['M', 'F'] as const),
  age: Type.Integer({
    description:
      'Age in the current year: this year minus the birth year (the birth date itself is kept encrypted and not shown)',
  }),
  education: literals(EDUCATION_LEVELS),
  professionalTitle: literals(PROFESSIONAL_TITLES),
  post: Type.String(),
  series: SeriesSchema,
  internshipInstructor: Type.Boolean(),
  hireDate: DateString,
  leaveDate: Nullable(DateString),
  employed: Bool('Employed on the date asked about'),
  specialised: Bool('Teaches 专业课 on the date asked about'),
  majorCodes: Type.Array(Type.String()),
  majors: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
    description: 'Majors taught, by code, with the name recorded for each (blank when none was)',
  }),
  dq: Nullable(DqBrief),
});

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
export const CriteriaCheckSchema = Type.Object({
  key: Type.String(),
  group: literals(['all', 'any'] as const),
  label: Text,
  required: Text,
  actual: Text,
  met: Type.Boolean(),
});
export const CriteriaEvaluationSchema = Type.Object({
  level: DqLevelSchema,
  eligible: Type.Boolean(),
  checks: Type.Array(CriteriaCheckSchema),
});

export const HireCheckSchema = Type.Object({
  applies: Bool('A full-time 专业课 hire on or after 2020-01-01'),
  compliant: Type.Boolean(),
  enterpriseYears: Type.Number(),
  highSkill: Bool('Held a 高级工-or-above certificate at hire'),
  reasons: Type.Array(
    Type.Object({ code: literals(HIRE_RULE_REASONS), message: Type.String(), messageEn: Type.String() }),
  ),
  exception: Nullable(
    Type.Object({ reason: Type.String(), grantedAt: Timestamp, grantedBy: Nullable(Type.String()) }),
  ),
});

export const RecognitionSchema = Type.Object({
  id: Type.String(),
  level: DqLevelSchema,
  certifyingBody: Type.String(),
  recognisedOn: DateString,
  validFrom: DateString,
  validUntil: DateString,
  certificateNo: Type.String(),
  applicationId: Nullable(Type.String()),
});

export const TeacherDetailSchema = Type.Intersect([
  TeacherSummarySchema,
  Type.Object({
    majors: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    specialisedPeriods: Type.Array(Type.Object({ startsOn: DateString, endsOn: Nullable(DateString) })),
    workHistory: Type.Array(
      Type.Object({
        employer: Type.String(),
        industry: Type.String(),
        job: Type.String(),
        startsOn: DateString,
        endsOn: Nullable(DateString),
      }),
    ),
    certificates: Type.Array(
      Type.Object({
        kind: literals(CERTIFICATE_KINDS),
        name: Type.String(),
        level: Nullable(literals(SKILL_LEVELS)),
        issuer: Type.String(),
        certificateNo: Type.String(),
        issuedOn: DateString,
      }),
    ),
    practice: Type.Array(
      Type.Object({ year: Type.Integer(), hours: Type.Number(), enterprise: Type.String() }),
    ),
    recognitions: Type.Array(RecognitionSchema),
    applications: Type.Array(
      Type.Object({
        id: Type.String(),
        level: DqLevelSchema,
        state: DqStateSchema,
        submittedAt: Timestamp,
        decidedAt: Nullable(Timestamp),
        decisionReason: Nullable(Type.String()),
      }),
    ),
    hireCheck: HireCheckSchema,
    abilities: Type.Object({
      edit: Bool('May change the record'),
      unmask: Bool('May view the ID number and phone in clear (audited)'),
      apply: Bool('May file a 双师型 application for the teacher'),
      recordRecognition: Bool('May record an existing recognition (district)'),
      grantException: Bool('May grant a recruitment-rule exception (district)'),
    }),
  }),
]);

/** The register's columns `GET /api/teachers` sorts by (`sort`), in SQL across the pages. */
export const TEACHER_SORT_KEYS = ['name', 'school', 'age', 'hireDate', 'dq'] as const;
export type TeacherSortKey = (typeof TEACHER_SORT_KEYS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const TeacherListQuery = Type.Object({
  schoolId: Type.Optional(Uuid),
  series: Type.Optional(SeriesSchema),
  status: Type.Optional(literals(['employed', 'left', 'all'] as const)),
  specialised: Type.Optional(Type.Boolean({ description: 'Only teachers (not) teaching 专业课 on asOf' })),
  dq: Type.Optional(literals(['recognised', 'not_recognised'] as const)),
  majorCode: Type.Optional(text(20, 'Teaches this major')),
  q: Type.Optional(text(100, 'Name contains')),
  asOf: Type.Optional(DateString),
  sort: Type.Optional(
    literals(TEACHER_SORT_KEYS, {
      description:
        'Column to sort by: name (pinyin), school (its name, pinyin), age, hireDate, dq (双师型 level, ' +
        'then valid until). Ties go by name, then id. Without it: by school code, name, id',
    }),
  ),
  order: Type.Optional(literals(SORT_ORDERS, { description: 'Direction of `sort` (default asc)' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
  offset: Offset(),
});
