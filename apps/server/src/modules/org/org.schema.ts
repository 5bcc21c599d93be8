import { ORG_UNIT_TYPES, ROLES, type Role } from '@zhijiao/contracts';
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

/** An account's role; null until the security administrator grants one. */
const AccountRole = Type.Union([RoleSchema, Type.Null()], {
  description:
    'Null: no role yet (created by the system administrator, waiting for the security administrator)',
});

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: AccountRole,
  orgUnit: OrgUnitRef,
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  createdAt: Timestamp,
});

/** A new account by the system administrator: who and where, never a role (三权分立). */
export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    orgUnitCode: Type.String({ minLength: 1, maxLength: 40 }),
  },
  {
    additionalProperties: false,
    description: 'The account has no role until the security administrator grants one (PUT …/role)',
  },
);
/**
 * A new account. Only an operator on the command line gives it a role at once and may set its
 * password (else one is generated).
 */
export type CreateUserInput = Static<typeof CreateUserBody> & {
  role?: Role;
  password?: string;
  mustChangePassword?: boolean;
};

export const CreatedUserSchema = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), role: AccountRole }),
  initialPassword: Type.String(),
});

export const UpdateUserBody = Type.Object(
  { disabled: Type.Boolean({ description: 'true disables the account and ends its sessions' }) },
  { additionalProperties: false },
);

/** 授予角色: the business role and the org unit whose records it sees. */
export const GrantRoleBody = Type.Object(
  {
    role: RoleSchema,
    orgUnitCode: Type.String({
      minLength: 1,
      maxLength: 40,
      description: "The role's scope: the unit (and its subtree) whose records the account sees",
    }),
  },
  {
    additionalProperties: false,
    description:
      'A business role (coordinator, unit_clerk, inspector, viewer) and its scope; administrator roles are refused',
  },
);
export type GrantRoleInput = Static<typeof GrantRoleBody>;

export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const OnePasswordSchema = Type.Object({
  initialPassword: Type.String({ description: 'Shown once; must be changed at first sign-in' }),
});
