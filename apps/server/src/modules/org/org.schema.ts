import { ORG_UNIT_TYPES, ROLES } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Timestamp } from '../../platform/http/schemas.ts';

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

export const RoleSchema = literals(ROLES);

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  orgUnit: OrgUnitRef,
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  createdAt: Timestamp,
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    role: RoleSchema,
    orgUnitCode: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
/** A new account; an operator on the command line also sets its password (else one is generated). */
export type CreateUserInput = Static<typeof CreateUserBody> & {
  password?: string;
  mustChangePassword?: boolean;
};

export const CreatedUserSchema = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), role: RoleSchema }),
  initialPassword: Type.String(),
});

export const UpdateUserBody = Type.Object(
  { disabled: Type.Optional(Type.Boolean()), role: Type.Optional(RoleSchema) },
  { additionalProperties: false, minProperties: 1 },
);

export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const OnePasswordSchema = Type.Object({
  initialPassword: Type.String({ description: 'Shown once; must be changed at first sign-in' }),
});
