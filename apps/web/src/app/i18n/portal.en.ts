import type { portalZh } from './portal.zh';

/** The public portal on any screen (public tasks, public indicators, phone layout): English strings. */
export const portalEn: Record<keyof typeof portalZh, string> = {
  'portal.backHome': 'Back to the home page',
  'portal.notFound': 'This public item was not found; it may have changed or is not public yet',
  'portal.task.section': 'Part',
  'portal.task.indicators': 'Public indicators of this task',
  'portal.task.noIndicators': 'This task has no public indicator yet',
  'portal.indicator.periods': 'By period',
  'portal.indicator.latestPeriod': 'Latest period',
  'portal.indicator.noPeriods': 'This indicator is judged once at its deadline; no per-period figures yet',
  'portal.menu': 'Menu',
  'portal.account': 'Account',
};
