import type { Generated } from 'kysely';
import type { Role } from '@zhijiao/contracts';

export interface UserTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Null until the security administrator grants one (an account the system administrator made). */
  role: Role | null;
  orgUnitId: string;
  mustChangePassword: Generated<boolean>;
  passwordChangedAt: Date | null;
  disabledAt: Date | null;
  failedAttempts: Generated<number>;
  lockedUntil: Date | null;
  failureWindowStart: Date | null;
  failuresInWindow: Generated<number>;
  totpSecretEnc: string | null;
  totpEnabled: Generated<boolean>;
  totpLastStep: number | null;
  createdAt: Generated<Date>;
}

export interface UserSessionTable {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  mfa: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  ip: string | null;
}

export interface AuthTables {
  appUser: UserTable;
  userSession: UserSessionTable;
}
