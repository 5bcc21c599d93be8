import { describe, expect, it } from 'vitest';
import { hasRoomForJob, isLeaseExpired, leaseOwnerName, leaseTimings } from './job-lease.ts';

describe('job lease rules', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

  it('renews a lease three times per lease, so two failed renewals in a row still keep the job', () => {
    expect(leaseTimings({ leaseMs: 30_000 })).toEqual({
      leaseMs: 30_000,
      heartbeatMs: 10_000,
      pollMs: 2_000,
    });
    expect(leaseTimings({ leaseMs: 3_000, pollMs: 50 })).toEqual({
      leaseMs: 3_000,
      heartbeatMs: 1_000,
      pollMs: 50,
    });
  });

  it('refuses a lease shorter than a second or a poll faster than 10 ms', () => {
    expect(() => leaseTimings({ leaseMs: 999 })).toThrow(/at least 1000 ms/);
    expect(() => leaseTimings({ pollMs: 5 })).toThrow(/10 ms/);
  });

  it('protects a running job until the end of its lease, and a job without a lease not at all', () => {
    expect(isLeaseExpired(at(30), at(29))).toBe(false);
    expect(isLeaseExpired(at(30), at(30))).toBe(true);
    expect(isLeaseExpired(at(30), at(31))).toBe(true);
    expect(isLeaseExpired(null, at(0))).toBe(true);
  });

  it('lets a process claim a job only while it runs fewer than its maximum', () => {
    expect(hasRoomForJob(0, 2)).toBe(true);
    expect(hasRoomForJob(1, 2)).toBe(true);
    expect(hasRoomForJob(2, 2)).toBe(false);
  });

  it('names each runner differently, even two in one process', () => {
    expect(leaseOwnerName()).toMatch(/^.+:\d+:[0-9a-f]{8}$/);
    expect(leaseOwnerName()).not.toBe(leaseOwnerName());
  });
});
