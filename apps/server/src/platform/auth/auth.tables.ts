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
  /** A replacement secret waiting for its first code; the active one stays until then. */
  totpPendingSecretEnc: string | null;
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

/**
 * One sign-in attempt that reached the password check (`pending` while it is being checked), or
 * one the per-address throttle refused before it (`throttled`: counted here, audited only once
 * per throttle period).
 */
export interface LoginAttemptTable {
  id: Generated<string>;
  /** `rateLimitClientKey(ip)`: an IPv4 address or an IPv6 /64. */
  clientKey: string;
  /** The account named, or null for an unknown username. */
  userId: string | null;
  at: Date;
  outcome: 'pending' | 'failure' | 'success' | 'throttled';
}

/** Hashes of an account's most recent passwords, the current one included (5 kept). */
export interface PasswordHistoryTable {
  id: Generated<string>;
  userId: string;
  passwordHash: string;
  createdAt: Date;
}

export interface AuthTables {
  appUser: UserTable;
  userSession: UserSessionTable;
  loginAttempt: LoginAttemptTable;
  passwordHistory: PasswordHistoryTable;
}
