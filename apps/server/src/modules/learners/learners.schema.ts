import { LEARNER_KINDS, LEARNER_SOURCES, LEARNER_STATUSES } from '@zhijiao/contracts';
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

const strict = { additionalProperties: false } as const;
const KindSchema = literals(LEARNER_KINDS, {
  description: 'student (学籍学生) or social (社会学习者: an adult the school trains; no major or class)',
});
const StatusSchema = literals(LEARNER_STATUSES, {
  description: '在籍 enrolled, 休学 suspended, 转学 transferred (out), 退学 withdrawn, 毕业 graduated',
});

export const LearnerSummarySchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  kind: KindSchema,
  majorCode: Type.String({ description: 'Major code (from enrolment: the enrolment program’s code)' }),
  majorName: Type.String({ description: 'Major name, e.g. 焊接技术应用' }),
  className: Type.String({ description: 'Class (班级); blank until the school assigns one' }),
  cohortYear: Type.Integer({ description: '入学年份 (the enrolment season’s admission year)' }),
  name: Type.String(),
  idMasked: Type.String({ description: 'e.g. 140421********1234 (the ID number is kept encrypted)' }),
  sex: literals(['M', 'F'] as const),
  status: StatusSchema,
  statusSince: DateString,
  source: literals(LEARNER_SOURCES, { description: 'enrollment (报到), import, or social (社会学习者登记)' }),
  enrollmentRegistrationId: Nullable(Type.String({ description: 'The 报到 it came from' })),
  updatedAt: Timestamp,
  abilities: Type.Object({ changeStatus: Type.Boolean() }),
});

export const LearnerDetailSchema = Type.Intersect([
  LearnerSummarySchema,
  Type.Object({
    history: Type.Array(
      Type.Object({
        fromStatus: Nullable(StatusSchema),
        toStatus: StatusSchema,
        changedOn: DateString,
        reason: Type.String(),
        changedBy: Nullable(Type.String()),
        changedAt: Timestamp,
      }),
      { description: 'Status history, oldest first; the first line is the entry onto the register' },
    ),
  }),
]);

export const LearnerListQuery = Type.Object(
  {
    schoolId: Type.Optional(Uuid),
    cohortYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '入学年份' })),
    status: Type.Optional(StatusSchema),
    kind: Type.Optional(KindSchema),
    className: Type.Optional(
      Type.String({
        maxLength: 50,
        description: 'One class (班级); empty: the learners in no class yet (未分班)',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
    offset: Offset(),
  },
  strict,
);

export const EnrollmentCohortBody = Type.Object(
  {
    schoolId: Type.String({ format: 'uuid', description: 'The vocational school whose register it is' }),
    seasonId: Type.String({ format: 'uuid', description: 'The enrolment season (统一招生) of the cohort' }),
  },
  strict,
);

export const StatusChangeBody = Type.Object(
  {
    status: StatusSchema,
    date: DateString,
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why (变更原因)' }),
  },
  strict,
);

export const ClassAssignmentBody = Type.Object(
  {
    learnerIds: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: 500,
      description: 'The learners to put into the class (of one school)',
    }),
    className: Type.String({
      maxLength: 50,
      description: 'The class (班级); blank takes them out of any class',
    }),
  },
  strict,
);

export const ClassesQuery = Type.Object({ schoolId: Type.Optional(Uuid) }, strict);

export const SchoolClassSchema = Type.Object({
  schoolId: Type.String(),
  className: Type.String(),
  learners: Type.Integer({ description: 'Learners of the class still at the school (在籍 or 休学)' }),
});

export const SocialLearnerBody = Type.Object(
  {
    schoolId: Type.String({ format: 'uuid', description: 'The vocational school that trains the learner' }),
    name: Type.String({ maxLength: 100 }),
    idNumber: Type.String({ maxLength: 32, description: '居民身份证号 (stored encrypted; never answered)' }),
    sex: Type.Optional(literals(['M', 'F'] as const, { description: 'Checked against the ID number' })),
  },
  strict,
);

export const SamePersonSchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  kind: KindSchema,
  majorName: Type.String(),
  cohortYear: Type.Integer(),
  status: StatusSchema,
  statusSince: DateString,
});
