import { ABOVE_SCALE_SOURCES, ENTERPRISE_STATUSES, INDUSTRY_SECTION_CODES } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Offset, Timestamp, UnitRef, Uuid } from '../../platform/http/schemas.ts';

const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
const strict = { additionalProperties: false } as const;

export const StatusSchema = literals(ENTERPRISE_STATUSES);
const Year = (description: string) => Type.Integer({ minimum: 1949, maximum: 2200, description });
const Division = Type.String({
  pattern: '^[0-9]{2}$',
  description:
    '国民经济行业分类 大类, two digits (GB/T 4754-2017), e.g. 27 医药制造业; the 门类 follows from it',
});
const Uscc = text(
  30,
  '统一社会信用代码 (GB 32100-2015; checked part by part, a refusal names the position of the error)',
  1,
);

const Profile = {
  legalName: text(200, 'Registered name (企业名称)', 1),
  industryDivision: Division,
  address: Type.String({ maxLength: 200, default: '', description: 'Address in the district (地址)' }),
  status: Type.Optional(StatusSchema),
};

export const RegisterEnterpriseBody = Type.Object(
  {
    orgUnitId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'An existing enterprise org unit of the district to register; omitted: a new unit is created',
      }),
    ),
    shortName: Type.Optional(text(60, 'Short name (简称) of a new org unit; default the registered name')),
    uscc: Uscc,
    ...Profile,
  },
  strict,
);
export type RegisterEnterpriseInput = Static<typeof RegisterEnterpriseBody>;

export const UpdateEnterpriseBody = Type.Object({ uscc: Uscc, ...Profile }, strict);
export type UpdateEnterpriseInput = Static<typeof UpdateEnterpriseBody>;

export const YearParams = Type.Object({ id: Uuid, year: Year('Calendar year') });
export const ContactParams = Type.Object({ id: Uuid, contactId: Uuid });

export const UpdateYearBody = Type.Object(
  {
    staff: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000, description: '职工总数 at the year’s end' })),
    ),
    revenueWan: Type.Optional(
      Nullable(Type.Number({ minimum: 0, maximum: 1e12, description: '营业收入, 万元 (register keepers)' })),
    ),
    listedAboveScale: Type.Optional(
      Nullable(
        Type.Boolean({
          description:
            'The statistics bureau’s answer: true on its 规上 list, false not; null: not known (the thresholds decide). Register keepers only',
        }),
      ),
    ),
  },
  { ...strict, description: 'Omitted fields stay as they are' },
);
export type UpdateYearInput = Static<typeof UpdateYearBody>;

export const ContactsBody = Type.Object(
  {
    contacts: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ format: 'uuid', description: 'An existing contact to keep' })),
          name: text(60, 'Name (姓名)', 1),
          title: Type.String({
            maxLength: 60,
            default: '',
            description: 'Title (职务), e.g. 人力资源部经理',
          }),
          phone: Type.Optional(
            Nullable(
              text(30, 'Mobile; stored encrypted, answered masked. Omitted: unchanged (an existing contact)'),
            ),
          ),
        },
        strict,
      ),
      { maxItems: 20, description: 'Every contact, in order: the list replaces the old one' },
    ),
  },
  strict,
);
export type ContactsInput = Static<typeof ContactsBody>;

export const EnterpriseListQuery = Type.Object({
  year: Type.Optional(Year('The year whose staff count and 规上 flag are shown; default the latest on file')),
  aboveScale: Type.Optional(Type.Boolean({ description: 'Only enterprises (not) 规上 in the year' })),
  section: Type.Optional(literals(INDUSTRY_SECTION_CODES as readonly string[])),
  status: Type.Optional(StatusSchema),
  q: Type.Optional(text(100, 'Registered name or 统一社会信用代码 contains')),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Page size' }),
  offset: Offset(),
});
export type EnterpriseListInput = Static<typeof EnterpriseListQuery>;

const AboveScaleSource = Nullable(literals(ABOVE_SCALE_SOURCES));

const YearFacts = {
  staff: Nullable(Type.Integer()),
  aboveScale: Nullable(Type.Boolean()),
  aboveScaleSource: AboveScaleSource,
};

export const EnterpriseSummarySchema = Type.Object({
  id: Type.String({ description: 'The enterprise’s org unit id' }),
  code: Type.String({ description: 'Org unit code' }),
  name: Type.String({ description: 'Short name (the org unit’s)' }),
  legalName: Type.String(),
  uscc: Type.String(),
  industrySection: Type.String(),
  industryDivision: Type.String(),
  status: StatusSchema,
  facts: Nullable(Type.Object(YearFacts, { description: 'The listed year, null when not on file' })),
});

export const EnterpriseListSchema = Type.Object({
  year: Type.Integer({ description: 'The year shown' }),
  items: Type.Array(EnterpriseSummarySchema),
  total: Type.Integer(),
});

export const DutySchema = Type.Object({
  status: literals(['applies', 'not_applicable', 'not_judged'] as const),
  required: Nullable(Type.Integer({ description: 'Internship posts required (2 % rule), when it applies' })),
  note: Type.Object({ zh: Type.String(), en: Type.String() }),
});

export const EnterpriseYearSchema = Type.Object({
  year: Type.Integer(),
  ...YearFacts,
  revenueWan: Nullable(Type.Number()),
  listedAboveScale: Nullable(Type.Boolean()),
  thresholdVersion: Nullable(Type.String()),
  duty: DutySchema,
  updatedAt: Timestamp,
});

export const ContactSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  phoneMasked: Nullable(Type.String({ description: 'Masked mobile, e.g. 138****8000' })),
});

export const EnterpriseDetailSchema = Type.Object({
  ...EnterpriseSummarySchema.properties,
  address: Type.String(),
  district: UnitRef,
  years: Type.Array(EnterpriseYearSchema, { description: 'Latest first' }),
  contacts: Type.Array(ContactSchema),
  currentYear: Type.Integer({ description: 'This calendar year (China time)' }),
  abilities: Type.Object({
    edit: Type.Boolean({ description: 'Change the profile and any year (register keepers)' }),
    editContacts: Type.Boolean(),
    editStaffOf: Nullable(
      Type.Integer({ description: 'The one year whose staff count an enterprise account may set' }),
    ),
    unmask: Type.Boolean({ description: 'See a contact’s phone in clear (audited)' }),
  }),
  updatedAt: Timestamp,
});

export const UnitOptionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
});
