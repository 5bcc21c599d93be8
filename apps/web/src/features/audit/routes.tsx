import type { FeatureRoutes } from '@/lib/feature-routes';

/** The audit log and its chain check (the audit administrator's page). */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/admin/audit',
      load: () => import('./components/audit-page').then((m) => m.AuditPage),
      permissions: ['audit.read'],
    },
  ],
};
