import { RESOURCE_LICENCES, RESOURCE_SHARE_STATES, RESOURCE_TYPES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, Timestamp, UnitRef, Uuid } from '../../platform/http/schemas.ts';
import { text } from './programs.schema.ts';
import { MAX_DEPTH } from './resource-search.ts';

const Bool = (description: string) => Type.Boolean({ description });
/** A major or course; its id only when the reader may open it (their own school's). */
const NamedRef = Type.Object({ id: Nullable(Type.String()), name: Type.String() });

export const ResourceBody = Type.Object(
  {
    title: text(200, 'Title, e.g. 二氧化碳气体保护焊平焊微课', 1),
    description: Type.String({ maxLength: 5000, default: '', description: 'What it covers, how to use it' }),
    resourceType: literals(RESOURCE_TYPES),
    licence: literals(RESOURCE_LICENCES),
    majorId: Type.Optional(Nullable(Uuid)),
    courseId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const CreateResourceBody = Type.Object(
  {
    ...ResourceBody.properties,
    schoolId: Type.Optional(Type.String({ format: 'uuid', description: 'Owning school; default own unit' })),
    fileId: Type.String({
      format: 'uuid',
      description: 'File uploaded by the actor’s unit (POST /api/files)',
    }),
    requestSharing: Type.Boolean({ default: false, description: 'Ask the district to share it at once' }),
  },
  { additionalProperties: false },
);

export const SharingDecisionBody = Type.Object(
  {
    share: Bool('Share district-wide (true) or refuse (false)'),
    reason: Type.String({ maxLength: 2000, default: '', description: 'Required when refusing' }),
  },
  { additionalProperties: false },
);

export const ResourceQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Words to find (Chinese or Latin; every word must occur). At least two characters',
    }),
  ),
  resourceType: Type.Optional(literals(RESOURCE_TYPES)),
  majorId: Type.Optional(Uuid),
  courseId: Type.Optional(Uuid),
  schoolId: Type.Optional(Uuid),
  shareState: Type.Optional(literals(RESOURCE_SHARE_STATES)),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20, description: 'Page size' }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_DEPTH - 1, default: 0, description: 'Rows to skip' }),
});

export const ResourceSchema = Type.Object({
  id: Type.String(),
  school: UnitRef,
  major: Nullable(NamedRef),
  course: Nullable(NamedRef),
  resourceType: literals(RESOURCE_TYPES),
  licence: literals(RESOURCE_LICENCES),
  title: Type.String(),
  description: Type.String(),
  shareState: literals(RESOURCE_SHARE_STATES),
  sharedOn: Nullable(DateString),
  refusalReason: Nullable(Type.String({ description: 'For the school and the reviewers' })),
  file: Type.Object({
    name: Type.String(),
    sizeBytes: Type.Number(),
    mime: Type.String(),
    previewable: Bool('Shown inline by the preview route (PDF, images)'),
  }),
  usage: Type.Object({ previews: Type.Integer(), downloads: Type.Integer() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Type.Object({
    edit: Bool('May edit'),
    delete: Bool('May delete'),
    requestSharing: Bool('May ask the district to share it'),
    reviewSharing: Bool('May decide the sharing request'),
  }),
});

export const SearchResultSchema = Type.Object({
  items: Type.Array(ResourceSchema),
  total: Type.Integer({ description: 'Matches (capped; see totalIsLowerBound)' }),
  totalIsLowerBound: Bool('There are at least `total` matches'),
});
