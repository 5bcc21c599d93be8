import {
  TRAINING_BASE_KINDS,
  TRAINING_BASE_STATUSES,
  TRAINING_SESSION_PURPOSES,
  TRAINING_SESSION_STATES,
  VET_GROUP_MEMBER_KINDS,
  VET_GROUP_ROLES,
  VET_PROGRAMME_KINDS,
} from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, UnitRef, Uuid } from '../../platform/http/schemas.ts';

const text = (max: number, description: string, min = 0) =>
  Type.String({ minLength: min, maxLength: max, description });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' });
const Bool = (description: string) => Type.Boolean({ description });
const Time = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Time of day HH:MM, China time',
});

export const EquipmentSchema = Type.Object({
  name: text(100, 'Equipment name, e.g. 五轴数控加工中心', 1),
  quantity: Type.Integer({ minimum: 1, maximum: 100000, description: 'How many' }),
  unitValue: Type.Number({ minimum: 0, maximum: 1_000_000_000, description: 'Value of one, yuan' }),
});

export const BaseBody = Type.Object({
  name: text(100, 'Name of the base, e.g. 易通集团新能源汽车高水平专业化实训基地', 1),
  kind: literals(TRAINING_BASE_KINDS),
  ownerId: Type.String({
    format: 'uuid',
    description: 'Owner: an enterprise (high-level) or the school (in-school, co-built)',
  }),
  partnerIds: Type.Array(Uuid, {
    maxItems: 30,
    default: [],
    description: 'Partner enterprises and schools (org units)',
  }),
  majors: Type.Array(text(60, 'A major it serves (专业名称)', 1), {
    maxItems: 30,
    default: [],
    description: 'Majors served',
  }),
  capacity: Type.Integer({
    minimum: 1,
    maximum: 10000,
    description: 'Stations usable at the same time (工位数)',
  }),
  location: Type.String({ maxLength: 200, default: '', description: 'Where it is' }),
  status: literals(TRAINING_BASE_STATUSES),
  plannedOn: Nullable(DateString),
  constructionStartedOn: Nullable(DateString),
  operatingSince: Nullable(DateString),
  equipment: Type.Array(EquipmentSchema, {
    maxItems: 200,
    default: [],
    description: 'Main equipment with value',
  }),
  documentIds: Type.Array(Uuid, {
    maxItems: 20,
    default: [],
    description: 'Basis documents (立项批复、建设方案、验收报告): stored files the actor uploaded',
  }),
});

export const BaseQuery = Type.Object({
  kind: Type.Optional(literals(TRAINING_BASE_KINDS)),
  status: Type.Optional(literals(TRAINING_BASE_STATUSES)),
  q: Type.Optional(text(50, 'Part of the name', 1)),
});

export const UtilisationSchema = Type.Object({
  year: Year,
  bookedStationHours: Type.Number({ description: 'Group size × hours of each session not cancelled' }),
  availableStationHours: Type.Number({ description: 'Capacity × opening hours × open days in operation' }),
  share: Type.Number({ description: 'Percent, one decimal' }),
});

const BaseAbilities = Type.Object({
  edit: Bool('May edit the base'),
  book: Bool('May book a session'),
});

export const BaseSummarySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: literals(TRAINING_BASE_KINDS),
  owner: UnitRef,
  partners: Type.Array(UnitRef),
  majors: Type.Array(Type.String()),
  capacity: Type.Integer(),
  location: Type.String(),
  status: literals(TRAINING_BASE_STATUSES),
  plannedOn: Nullable(DateString),
  constructionStartedOn: Nullable(DateString),
  operatingSince: Nullable(DateString),
  equipmentValue: Type.Number({ description: 'Total equipment value, yuan' }),
  abilities: BaseAbilities,
});

export const SessionSchema = Type.Object({
  id: Uuid,
  baseId: Uuid,
  booker: UnitRef,
  date: DateString,
  startTime: Type.String(),
  endTime: Type.String(),
  hours: Type.Number(),
  groupSize: Type.Integer(),
  purpose: literals(TRAINING_SESSION_PURPOSES),
  topic: Type.String(),
  state: literals(TRAINING_SESSION_STATES),
  cancelledOn: Nullable(DateString),
  abilities: Type.Object({ cancel: Bool('May cancel it') }),
});

export const BaseDetailSchema = Type.Object({
  ...BaseSummarySchema.properties,
  equipment: Type.Array(EquipmentSchema),
  documents: Type.Array(Type.Object({ id: Uuid, name: Type.String(), sizeBytes: Type.Integer() })),
  sessions: Type.Array(SessionSchema, {
    description: 'The sessions the actor may see (all, or its own) from 90 days ago on',
  }),
  utilisation: Type.Array(UtilisationSchema, { description: 'Per year since it came into operation' }),
  opening: Type.Object({
    source: Type.String(),
    weekdays: Type.Array(Type.Integer()),
    opensAt: Type.String(),
    closesAt: Type.String(),
  }),
});

export const SessionBody = Type.Object({
  date: DateString,
  startTime: Time,
  hours: Type.Number({
    minimum: 0.5,
    maximum: 24,
    multipleOf: 0.5,
    description: 'Length in hours (half hours)',
  }),
  groupSize: Type.Integer({ minimum: 1, maximum: 10000, description: 'People (one station each)' }),
  purpose: literals(TRAINING_SESSION_PURPOSES),
  topic: Type.String({ maxLength: 200, default: '', description: 'What is trained' }),
});

export const MemberBody = Type.Object({
  unitId: Uuid,
  role: literals(VET_GROUP_ROLES),
  joinedOn: DateString,
});

export const GroupBody = Type.Object({
  name: text(100, 'Name of the group, e.g. 上党区职业教育集团', 1),
  leadUnitId: Type.String({ format: 'uuid', description: 'The lead unit (牵头单位)' }),
  foundedOn: Nullable(DateString),
  members: Type.Array(MemberBody, { maxItems: 200, default: [], description: 'Member units' }),
});

export const ProgrammeBody = Type.Object({
  kind: literals(VET_PROGRAMME_KINDS),
  name: text(100, 'Name, e.g. 数控技术“3+2”中高职衔接班', 1),
  year: Year,
  unitIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, description: 'Member units running it' }),
  places: Type.Integer({ minimum: 0, maximum: 100000, description: 'Planned places (计划数)' }),
  enrolled: Type.Integer({ minimum: 0, maximum: 100000, description: 'People enrolled (实际人数)' }),
});

export const GroupQuery = Type.Object({ q: Type.Optional(text(50, 'Part of the name', 1)) });

export const ProgrammeSchema = Type.Object({
  id: Uuid,
  kind: literals(VET_PROGRAMME_KINDS),
  name: Type.String(),
  year: Year,
  units: Type.Array(UnitRef),
  places: Type.Integer({
    description: 'Places: the linked enrolment program’s quota, else typed in (计划数)',
  }),
  enrolled: Type.Integer({
    description: 'Enrolled: registrations (报到) at the linked enrolment program, else typed in (实际人数)',
  }),
  numbersFrom: literals(['typed', 'enrollment'] as const, {
    description: 'Where places and enrolled come from: typed in, or the linked enrolment program (来自招生)',
  }),
  enrollmentProgram: Nullable(
    Type.Object(
      { id: Uuid, code: Type.String(), name: Type.String() },
      { description: 'The linked enrolment program (中高职衔接 only), or null' },
    ),
  ),
});

export const ProgrammeLinkBody = Type.Object({
  enrollmentProgramId: Nullable(
    Type.String({
      format: 'uuid',
      description:
        'The enrolment program (统一招生, 中职, of the programme’s year at one of its secondary schools) to link; null clears the link',
    }),
  ),
});

export const LinkableEnrollmentProgram = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  school: UnitRef,
});

export const GroupSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  lead: UnitRef,
  foundedOn: Nullable(DateString),
  members: Type.Array(
    Type.Object({
      unit: UnitRef,
      kind: literals(VET_GROUP_MEMBER_KINDS),
      role: literals(VET_GROUP_ROLES),
      joinedOn: DateString,
    }),
  ),
  programmes: Type.Array(ProgrammeSchema),
  abilities: Type.Object({ edit: Bool('May edit the group and add programmes') }),
});
