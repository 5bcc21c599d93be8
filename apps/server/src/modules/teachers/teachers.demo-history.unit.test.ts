import { describe, expect, it } from 'vitest';
import { EXPIRY_NOTICE_DAYS } from './teachers.config.ts';
import {
  endingOn,
  latestIntake,
  RENEW_AHEAD_DAYS,
  renewedSince,
  roundDate,
} from './teachers.demo-history.ts';

describe('the teachers demo history', () => {
  it('renews a recognition ahead of its end until one runs past the expiry notice', () => {
    expect(RENEW_AHEAD_DAYS).toBeGreaterThan(EXPIRY_NOTICE_DAYS);
    expect(renewedSince('2017-10-20', '2026-11-29')).toEqual([
      { validFrom: '2017-10-20', validUntil: '2022-10-19' },
      { validFrom: '2022-06-22', validUntil: '2027-06-21' },
    ]);
    expect(renewedSince('2015-04-20', '2026-11-29')).toEqual([
      { validFrom: '2015-04-20', validUntil: '2020-04-19' },
      { validFrom: '2019-12-22', validUntil: '2024-12-21' },
      { validFrom: '2024-08-24', validUntil: '2029-08-23' },
    ]);
    expect(renewedSince('2026-12-01', '2026-11-29')).toEqual([]);
  });

  it('goes back from a latest end through the recognitions it renewed, never before the hire', () => {
    expect(endingOn('2026-11-02', null, '2008-03-01')).toEqual([
      { validFrom: '2021-11-03', validUntil: '2026-11-02' },
    ]);
    expect(endingOn('2026-11-02', '2020-01-01', '2008-03-01')).toEqual([
      { validFrom: '2017-03-03', validUntil: '2022-03-02' },
      { validFrom: '2021-11-03', validUntil: '2026-11-02' },
    ]);
    expect(endingOn('2026-11-02', '2020-01-01', '2018-05-01')).toEqual([
      { validFrom: '2018-05-01', validUntil: '2022-03-02' },
      { validFrom: '2021-11-03', validUntil: '2026-11-02' },
    ]);
    expect(endingOn('2022-06-22', '2020-01-01', '2019-09-01')).toEqual([
      { validFrom: '2019-09-01', validUntil: '2022-06-22' },
    ]);
  });

  it('dates recognition rounds from the plan’s first year and this year’s intake from today', () => {
    expect(roundDate(2020, -2.5, '2004-09-01')).toBe('2017-10-20');
    expect(roundDate(2020, 2, '2004-09-01')).toBe('2022-04-20');
    expect(roundDate(2020, -5, '2016-03-01')).toBe('2016-03-01');
    expect(latestIntake('2026-11-29')).toBe('2026-09-01');
    expect(latestIntake('2026-09-20')).toBe('2025-09-01');
    expect(latestIntake('2022-05-20')).toBe('2021-09-01');
  });
});
