import { describe, expect, it } from 'vitest';
import { commentBacklogAlert } from './consultation-alerts.rules.ts';

/** Midnight China time on 11 June: the period's last day is 10 June. */
const closesAt = new Date('2021-06-10T16:00:00Z');

describe('commentBacklogAlert', () => {
  it('raises nothing when no comment waits, however late', () => {
    expect(commentBacklogAlert({ closesAt, pending: 0, unreplied: 0 }, '2021-08-01')).toBeNull();
  });
  it('raises nothing while more than 7 days of the period remain', () => {
    expect(commentBacklogAlert({ closesAt, pending: 4, unreplied: 1 }, '2021-06-02')).toBeNull();
  });
  it('is a blue reminder from 7 days before the last day up to that day', () => {
    expect(commentBacklogAlert({ closesAt, pending: 1, unreplied: 0 }, '2021-06-03')).toEqual({
      kind: 'comments_backlog_due',
      tier: 'blue',
      dueDate: '2021-06-10',
      daysLate: -7,
    });
    expect(commentBacklogAlert({ closesAt, pending: 0, unreplied: 2 }, '2021-06-10')?.tier).toBe('blue');
  });
  it('is overdue after the period: yellow up to 30 days, red later', () => {
    expect(commentBacklogAlert({ closesAt, pending: 0, unreplied: 2 }, '2021-06-11')).toMatchObject({
      kind: 'comments_backlog_overdue',
      tier: 'yellow',
      daysLate: 1,
    });
    expect(commentBacklogAlert({ closesAt, pending: 1, unreplied: 0 }, '2021-07-11')?.tier).toBe('red');
  });
});
