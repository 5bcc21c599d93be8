import { describe, expect, it } from 'vitest';
import {
  preferencesAlert,
  registrationAlert,
  resultsDueDate,
  unpublishedRunAlert,
} from './enrollment-alerts.rules.ts';

/** 08:00 on 10 June in China: the window's last day is 10 June. */
const general = {
  id: 'g',
  position: 1,
  opensAt: new Date('2021-06-01T00:00:00Z'),
  closesAt: new Date('2021-06-10T00:00:00Z'),
};
const vocational = {
  id: 'v',
  position: 2,
  opensAt: new Date('2021-06-14T16:00:00Z'),
  closesAt: new Date('2021-06-20T16:00:00Z'),
};

describe('preferencesAlert', () => {
  it('raises nothing when every candidate has chosen, or once the batch is published', () => {
    expect(preferencesAlert({ ...general, published: false }, 0, '2021-06-09')).toBeNull();
    expect(preferencesAlert({ ...general, published: true }, 4, '2021-06-12')).toBeNull();
  });
  it('is blue from 7 days before the last day, yellow after it, red after 30 days', () => {
    const batch = { ...general, published: false };
    expect(preferencesAlert(batch, 2, '2021-06-02')).toBeNull();
    expect(preferencesAlert(batch, 2, '2021-06-03')).toEqual({
      tier: 'blue',
      dueDate: '2021-06-10',
      daysLate: -7,
    });
    expect(preferencesAlert(batch, 2, '2021-06-11')).toMatchObject({ tier: 'yellow', daysLate: 1 });
    expect(preferencesAlert(batch, 2, '2021-07-11')).toMatchObject({ tier: 'red', daysLate: 31 });
  });
});

describe('resultsDueDate', () => {
  it('is the day the next window opens (China date), else 7 days after the last window closes', () => {
    expect(resultsDueDate(general, [general, vocational])).toBe('2021-06-15');
    expect(resultsDueDate(vocational, [general, vocational])).toBe('2021-06-27');
  });
  it('ignores a next window that opens before this one has closed', () => {
    const overlapping = { ...vocational, opensAt: new Date('2021-06-05T00:00:00Z') };
    expect(resultsDueDate(general, [general, overlapping])).toBe('2021-06-17');
  });
});

describe('unpublishedRunAlert', () => {
  it('tiers an unpublished batch by its results due date; a published one raises nothing', () => {
    const batches = [general, vocational];
    expect(unpublishedRunAlert({ ...general, published: false }, batches, '2021-06-11')).toEqual({
      tier: 'blue',
      dueDate: '2021-06-15',
      daysLate: -4,
    });
    expect(unpublishedRunAlert({ ...general, published: false }, batches, '2021-06-16')?.tier).toBe('yellow');
    expect(unpublishedRunAlert({ ...general, published: true }, batches, '2021-06-16')).toBeNull();
  });
});

describe('registrationAlert', () => {
  const publishedAt = new Date('2021-06-11T02:00:00Z');
  it('is due 14 days after publication, while some admitted student is not recorded', () => {
    expect(registrationAlert(publishedAt, 3, '2021-06-17')).toBeNull();
    expect(registrationAlert(publishedAt, 3, '2021-06-18')).toEqual({
      tier: 'blue',
      dueDate: '2021-06-25',
      daysLate: -7,
    });
    expect(registrationAlert(publishedAt, 3, '2021-07-26')?.tier).toBe('red');
    expect(registrationAlert(publishedAt, 0, '2021-07-26')).toBeNull();
  });
});
