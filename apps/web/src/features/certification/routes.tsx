import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['certification.read'] as const;

/** 产教融合型企业: applications with their review page, and the incentive ledger. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/certification/applications',
      load: () => import('./components/applications-page').then((m) => m.ApplicationsPage),
      permissions: read,
    },
    {
      path: '/certification/applications/:id',
      load: () => import('./components/application-page').then((m) => m.ApplicationPage),
      permissions: read,
    },
    {
      path: '/certification/incentives',
      load: () => import('./components/incentives-page').then((m) => m.IncentivesPage),
      permissions: read,
    },
  ],
};
