import { describe, expect, it } from 'vitest';
import { dutyAlertTier } from './duty-alert.rules.ts';

describe('the tier of a shortfall on the 2 % duty', () => {
  it('is yellow while the year runs, due on its last day', () => {
    expect(dutyAlertTier('2026-01-01')).toEqual({ dueDate: '2026-12-31', daysLate: -364, tier: 'yellow' });
    expect(dutyAlertTier('2026-12-23')).toEqual({ dueDate: '2026-12-31', daysLate: -8, tier: 'yellow' });
  });

  it('turns red in the year’s last seven days, up to its last day', () => {
    expect(dutyAlertTier('2026-12-24')).toEqual({ dueDate: '2026-12-31', daysLate: -7, tier: 'red' });
    expect(dutyAlertTier('2026-12-31')).toEqual({ dueDate: '2026-12-31', daysLate: 0, tier: 'red' });
  });

  it('judges a leap year to its own last day', () => {
    expect(dutyAlertTier('2028-02-29')).toMatchObject({ dueDate: '2028-12-31', daysLate: -306 });
  });
});
