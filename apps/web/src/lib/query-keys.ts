/**
 * Query keys in one place, so features that read the same resource share the cache (and a
 * mutation in one feature refreshes what another shows) without importing each other.
 */
export const queryKeys = {
  me: ['me'] as const,
  plans: ['plans'] as const,
  periods: (planCode: string) => ['plans', planCode, 'periods'] as const,
  dashboard: (planCode: string, periodId: string | undefined) =>
    ['plans', planCode, 'dashboard', periodId ?? null] as const,
  planIndicators: (planCode: string) => ['plans', planCode, 'indicators'] as const,
  planMilestones: (planCode: string) => ['plans', planCode, 'milestones'] as const,
  task: (id: string) => ['tasks', id] as const,
  tasks: ['tasks'] as const,
  indicator: (id: string) => ['indicators', id] as const,
  reports: ['progress-reports'] as const,
  reportList: (filter: Record<string, string | undefined>) => ['progress-reports', 'list', filter] as const,
  report: (id: string) => ['progress-reports', 'one', id] as const,
  alerts: (planCode: string | undefined) => ['alerts', planCode ?? null] as const,
  users: ['admin', 'users'] as const,
  orgUnits: ['org-units'] as const,
  audit: (filter: Record<string, string | undefined>) => ['audit', filter] as const,
  auditCheckpoints: ['audit-checkpoints'] as const,
  publicPlans: ['public', 'plans'] as const,
  /** The district's 双师型 settings: edited on the settings page, read by the ratio page. */
  dqSettings: ['teachers', 'settings'] as const,
  /** The national major catalogue (the programs pages and the settings page). */
  catalogue: ['programs', 'catalogue'] as const,
  /** The district's enterprise register as select options (cooperation and programs forms). */
  enterpriseOptions: ['enterprises', 'options'] as const,
  /** The upload rules in force (kinds, size, storage). */
  uploadRules: ['files', 'rules'] as const,
  /** The account's notifications (消息中心): the list pages and the bell's unread count. */
  notifications: ['notifications'] as const,
  /** Everything of the supervision module (督导); its feature derives finer keys from this prefix. */
  supervision: ['supervision'] as const,
};
