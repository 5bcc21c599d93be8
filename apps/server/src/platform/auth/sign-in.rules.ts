/**
 * When a sign-in is refused before its password counts (SECURITY.md "Identity and sessions";
 * issue 11). Pure: the gate in `sign-in-gate.ts` reads the counts and applies these rules.
 *
 * - Per client (an IPv4 address or an IPv6 /64): past `addressFailureLimit` failed attempts in
 *   `addressWindowMinutes`, every attempt from it is refused with 429 until the oldest counted
 *   failures leave the window.
 * - Per account: `lockoutThreshold` failures in a row lock the account for `lockoutMinutes`, but
 *   only towards clients that have been failing on it (in the last hour). A client that has not
 *   may still try, so whoever guesses at an account cannot lock its owner out; their failures
 *   count too. Past `maxFailuresPerHour` failures in an hour the account refuses every client but
 *   those it has signed in from before.
 */

export interface SignInLimits {
  lockoutThreshold: number;
  lockoutMinutes: number;
  maxFailuresPerHour: number;
  addressFailureLimit: number;
  addressWindowMinutes: number;
}

/** The account's stored lock state and its standing towards the client. */
export interface AccountState {
  failedAttempts: number;
  lockedUntil: Date | null;
  failureWindowStart: Date | null;
  failuresInWindow: number;
  addressFailing: boolean;
  addressKnown: boolean;
  pending: number;
}

/** How far back a client's failures on an account make it a failing client. */
export const FAILING_WINDOW_MS = 60 * 60_000;
/** How long a client the account signed in from stays known. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

/**
 * Why the account refuses this client now, or null when the password may be checked. Attempts
 * still being checked count as failures, so a burst cannot slip past the threshold.
 *
 * @example accountRefusal({ …, lockedUntil: inFiveMinutes, addressFailing: false }, limits, now) // null
 */
export function accountRefusal(
  state: AccountState,
  limits: SignInLimits,
  now: Date,
): 'locked' | 'hourly_failure_limit' | null {
  const locked = state.lockedUntil !== null && state.lockedUntil > now;
  if (state.addressFailing && (locked || state.failedAttempts + state.pending >= limits.lockoutThreshold))
    return 'locked';
  const hourFresh =
    state.failureWindowStart !== null &&
    now.getTime() - state.failureWindowStart.getTime() < FAILING_WINDOW_MS;
  if (!state.addressKnown && hourFresh && state.failuresInWindow + state.pending >= limits.maxFailuresPerHour)
    return 'hourly_failure_limit';
  return null;
}

/**
 * Seconds until a throttled client may try again: when enough of its counted failures (oldest
 * first, `failures` sorted ascending) have left the window to bring it under the limit. Null
 * when it is under the limit now.
 *
 * @example addressRetryAfter([t0, t1, t2], { addressFailureLimit: 3, addressWindowMinutes: 15 }, now) // seconds until t0 + 15 min
 */
export function addressRetryAfter(
  failures: readonly Date[],
  limits: Pick<SignInLimits, 'addressFailureLimit' | 'addressWindowMinutes'>,
  now: Date,
): number | null {
  if (failures.length < limits.addressFailureLimit) return null;
  const freeing = failures[failures.length - limits.addressFailureLimit]!;
  const ms = freeing.getTime() + limits.addressWindowMinutes * 60_000 - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}
