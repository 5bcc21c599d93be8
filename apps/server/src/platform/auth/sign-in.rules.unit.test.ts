import { describe, expect, it } from 'vitest';
import { accountRefusal, addressRetryAfter, type AccountState, type SignInLimits } from './sign-in.rules.ts';

const limits: SignInLimits = {
  lockoutThreshold: 5,
  lockoutMinutes: 10,
  maxFailuresPerHour: 100,
  addressFailureLimit: 30,
  addressWindowMinutes: 15,
};
const now = new Date('2026-03-02T08:00:00Z');
const minutesFromNow = (m: number) => new Date(now.getTime() + m * 60_000);
const clear: AccountState = {
  failedAttempts: 0,
  lockedUntil: null,
  failureWindowStart: null,
  failuresInWindow: 0,
  addressFailing: false,
  addressKnown: false,
  pending: 0,
};

describe('accountRefusal', () => {
  it('refuses a locked account only towards a client that has been failing on it', () => {
    const locked = { ...clear, lockedUntil: minutesFromNow(5) };
    expect(accountRefusal({ ...locked, addressFailing: true }, limits, now)).toBe('locked');
    expect(accountRefusal(locked, limits, now)).toBeNull();
    expect(
      accountRefusal({ ...locked, lockedUntil: minutesFromNow(0), addressFailing: true }, limits, now),
    ).toBeNull();
  });

  it('counts attempts still being checked, so a burst locks at the threshold', () => {
    const burst = { ...clear, addressFailing: true, failedAttempts: 2 };
    expect(accountRefusal({ ...burst, pending: 2 }, limits, now)).toBeNull();
    expect(accountRefusal({ ...burst, pending: 3 }, limits, now)).toBe('locked');
  });

  it('refuses every client but known ones past 100 failures in the hour', () => {
    const flooded = { ...clear, failureWindowStart: minutesFromNow(-30), failuresInWindow: 100 };
    expect(accountRefusal(flooded, limits, now)).toBe('hourly_failure_limit');
    expect(accountRefusal({ ...flooded, addressKnown: true }, limits, now)).toBeNull();
    expect(accountRefusal({ ...flooded, failureWindowStart: minutesFromNow(-61) }, limits, now)).toBeNull();
  });
});

describe('addressRetryAfter', () => {
  const small = { addressFailureLimit: 3, addressWindowMinutes: 15 };
  it('is null under the limit', () => {
    expect(addressRetryAfter([minutesFromNow(-1), minutesFromNow(-1)], small, now)).toBeNull();
  });

  it('waits until enough of the oldest failures leave the window to come under the limit', () => {
    const failures = [-14, -10, -5, -1].map(minutesFromNow);
    // 4 failures, limit 3: two must leave; the second oldest (10 minutes ago) leaves in 5 minutes.
    expect(addressRetryAfter(failures, small, now)).toBe(5 * 60);
  });

  it('never answers less than one second', () => {
    expect(addressRetryAfter([-15, -15, -15].map(minutesFromNow), small, now)).toBe(1);
  });
});
