import { ORG_UNIT_TYPES } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals } from '../../platform/http/schemas.ts';

export const OrgUnitRef = Type.Object(
  { id: Type.String(), code: Type.String(), name: Type.String() },
  { description: 'A reference to an org unit' },
);

export const OrgUnitSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Stable code, e.g. SD-EDU' }),
  name: Type.String({ description: 'Short name as plans write it, e.g. 区教育局' }),
  fullName: Type.String(),
  nameEn: Type.String(),
  type: literals(ORG_UNIT_TYPES),
  groups: Type.Array(Type.String(), { description: 'Groupings: public, private, above-scale …' }),
  parentId: Type.Union([Type.String(), Type.Null()]),
});

export const CreateOrgUnitBody = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Z0-9][A-Z0-9-]{1,39}$',
      description: 'Upper-case letters, digits, dashes',
    }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    fullName: Type.String({ minLength: 1, maxLength: 120 }),
    nameEn: Type.String({ maxLength: 120, default: '' }),
    type: literals(ORG_UNIT_TYPES),
    groups: Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), { maxItems: 20, default: [] }),
    parentCode: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type CreateOrgUnitInput = Static<typeof CreateOrgUnitBody>;
