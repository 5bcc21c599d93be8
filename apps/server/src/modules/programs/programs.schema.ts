import { COURSE_CATEGORIES, MAJOR_STATUSES, NATIONAL_STANDARDS, TEXTBOOK_TYPES } from '@zhijiao/contracts';
import { Type, type TSchema } from 'typebox';
import { DateString, literals, Nullable, UnitRef, Uuid } from '../../platform/http/schemas.ts';

export const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
export const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Bool = (description: string) => Type.Boolean({ description });
const SchoolId = Type.Optional(
  Type.String({ format: 'uuid', description: 'School the record belongs to; default the actor’s own unit' }),
);

export const CatalogueQuery = Type.Object({
  version: Type.Optional(
    Type.String({ pattern: '^[0-9]{4}$', description: 'Catalogue version; default the newest' }),
  ),
});

export const MajorQuery = Type.Object({
  schoolId: Type.Optional(Uuid),
  status: Type.Optional(literals(MAJOR_STATUSES)),
});

export const CourseQuery = Type.Object({ schoolId: Type.Optional(Uuid), majorId: Type.Optional(Uuid) });

export const CatalogueSchema = Type.Object({
  version: Nullable(Type.String({ description: 'Catalogue version, e.g. 2021' })),
  items: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Six-digit major code' }),
      name: Type.String(),
      categoryCode: Type.String({ description: '专业大类 code (first two digits)' }),
      categoryName: Type.String({ description: '专业大类, e.g. 装备制造大类' }),
      verified: Bool('The code was checked against a published source'),
    }),
  ),
});

export const MajorBody = Type.Object(
  {
    schoolId: SchoolId,
    catalogueVersion: Type.String({
      pattern: '^[0-9]{4}$',
      default: '2021',
      description: 'Catalogue version',
    }),
    catalogueCode: Type.String({ pattern: '^[0-9]{6}$', description: 'Code of the major in that catalogue' }),
    direction: Type.String({ maxLength: 60, default: '', description: '专业方向, e.g. 机电一体化' }),
    status: literals(MAJOR_STATUSES),
    establishedYear: Type.Optional(
      Nullable(
        Type.Integer({ minimum: 1949, maximum: 2100, description: 'Year the school opened the major' }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const MajorPatch = Type.Object(
  {
    direction: Type.Optional(Type.String({ maxLength: 60, description: '专业方向' })),
    status: Type.Optional(literals(MAJOR_STATUSES)),
    establishedYear: Type.Optional(Nullable(Type.Integer({ minimum: 1949, maximum: 2100 }))),
  },
  { additionalProperties: false },
);

export const EnrolmentBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'School year (autumn intake year)' }),
    intake: Type.Integer({ minimum: 0, maximum: 100_000, description: 'New students admitted (招生数)' }),
    enrolled: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Students enrolled (在校生数)' }),
  },
  { additionalProperties: false },
);

export const StandardsBody = Type.Object(
  {
    standards: Type.Array(
      Type.Object(
        {
          standard: literals(NATIONAL_STANDARDS),
          adoptedOn: DateString,
          note: Type.String({ maxLength: 500, default: '', description: 'Which document, how applied' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 4, description: 'The national standards the major applies (replaces the set)' },
    ),
  },
  { additionalProperties: false },
);

export const MajorSchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  catalogue: Type.Object({
    version: Type.String(),
    code: Type.String(),
    name: Type.String(),
    categoryCode: Type.String(),
    categoryName: Type.String(),
    verified: Type.Boolean(),
  }),
  name: Type.String({ description: 'Catalogue name with the direction, e.g. 机电技术应用（机电一体化）' }),
  direction: Type.String(),
  status: literals(MAJOR_STATUSES),
  establishedYear: Nullable(Type.Integer()),
  standards: Type.Array(
    Type.Object({ standard: literals(NATIONAL_STANDARDS), adoptedOn: DateString, note: Type.String() }),
  ),
  enrolment: Type.Array(
    Type.Object({ year: Type.Integer(), intake: Type.Integer(), enrolled: Type.Integer() }),
    { description: 'By year, oldest first' },
  ),
  abilities: Type.Object({ edit: Bool('May change the major, its enrolment and standards') }),
});

export const CourseBody = Type.Object(
  {
    schoolId: SchoolId,
    majorId: Type.Optional(Nullable(Uuid)),
    code: Type.String({ maxLength: 40, default: '', description: 'The school’s course code' }),
    name: text(100, 'Course name, e.g. 焊接工艺', 1),
    category: literals(COURSE_CATEGORIES),
    hours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2000, description: '学时' }))),
    partnerEnterprises: Type.Optional(
      Type.Array(
        Type.Object(
          {
            enterpriseId: Uuid,
            sinceYear: Type.Integer({
              minimum: 2000,
              maximum: 2100,
              description: 'Year co-development began',
            }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 20,
          description: 'Enterprises co-developing the course (共同开发课程); omitted on an edit: kept',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export const CoursePatch = Type.Omit(CourseBody, ['schoolId']);

export const TextbookBody = Type.Object(
  {
    title: text(200, 'Title of the textbook', 1),
    isbn: Type.String({ maxLength: 20, default: '', pattern: '^[0-9Xx-]*$', description: 'ISBN' }),
    publisher: Type.String({ maxLength: 100, default: '' }),
    nationalPlanned: Bool('A national planned textbook (国家规划教材)'),
    textbookType: literals(TEXTBOOK_TYPES),
    hasDigitalResources: Bool('Comes with digital resources (配套信息化资源)'),
    digitalResources: Type.String({ maxLength: 500, default: '', description: 'What they are, where' }),
  },
  { additionalProperties: false },
);

export const CourseSchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  major: Nullable(Ref),
  code: Type.String(),
  name: Type.String(),
  category: literals(COURSE_CATEGORIES),
  hours: Nullable(Type.Integer()),
  partnerEnterprises: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), sinceYear: Type.Integer() }),
    { description: 'Enterprises co-developing the course (共同开发课程)' },
  ),
  textbooks: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      isbn: Type.String(),
      publisher: Type.String(),
      nationalPlanned: Type.Boolean(),
      textbookType: literals(TEXTBOOK_TYPES),
      hasDigitalResources: Type.Boolean(),
      digitalResources: Type.String(),
    }),
  ),
  abilities: Type.Object({ edit: Bool('May change the course and its textbooks') }),
});

export const SettingsSchema = Type.Object({
  resourceCoverageThreshold: Type.Integer({
    description: 'N: reviewed resources a major needs to count as covered',
  }),
  abilities: Type.Object({ edit: Bool('May change the settings (the district)') }),
});
export const SettingsBody = Type.Object(
  { resourceCoverageThreshold: Type.Integer({ minimum: 1, maximum: 1000, description: 'N' }) },
  { additionalProperties: false },
);
