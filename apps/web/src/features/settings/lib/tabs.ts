import type { Permission } from '@zhijiao/contracts';
import type { MessageKey } from '@/lib/i18n';

export type SettingsTabKey = 'dq' | 'periods' | 'catalogue' | 'uploads';

/**
 * The tabs of 区级设置, each shown to the holders of its permission: the 双师型 criteria to the
 * teachers' reviewer, the reporting periods to the plan's coordinator, the major catalogue to the
 * programs' reviewer, the upload rules to the coordinator and the system administrator.
 */
export const SETTINGS_TABS: ReadonlyArray<{
  key: SettingsTabKey;
  label: MessageKey;
  permissions: readonly Permission[];
}> = [
  { key: 'dq', label: 'settings.tab.dq', permissions: ['teacher.review'] },
  { key: 'periods', label: 'settings.tab.periods', permissions: ['plan.manage'] },
  { key: 'catalogue', label: 'settings.tab.catalogue', permissions: ['program.review'] },
  { key: 'uploads', label: 'settings.tab.uploads', permissions: ['plan.manage', 'org.manage'] },
];

/** Whoever holds one of these sees the settings page (and its menu entry). */
export const SETTINGS_PERMISSIONS: readonly Permission[] = [
  ...new Set(SETTINGS_TABS.flatMap((tab) => tab.permissions)),
];
