import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['cooperation.read'] as const;

/** School–enterprise cooperation: agreements, apprenticeships, innovation centres and teaching factories. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/cooperation/agreements',
      load: () => import('./components/agreements-page').then((m) => m.AgreementsPage),
      permissions: read,
    },
    {
      path: '/cooperation/agreements/:id',
      load: () => import('./components/agreement-page').then((m) => m.AgreementPage),
      permissions: read,
    },
    {
      path: '/cooperation/apprenticeships',
      load: () => import('./components/apprenticeships-page').then((m) => m.ApprenticeshipsPage),
      permissions: read,
    },
    {
      path: '/cooperation/apprenticeships/:id',
      load: () => import('./components/apprenticeship-page').then((m) => m.ApprenticeshipPage),
      permissions: read,
    },
    {
      path: '/cooperation/centres',
      load: () => import('./components/centres-page').then((m) => m.CentresPage),
      permissions: read,
    },
    {
      path: '/cooperation/centres/:id',
      load: () => import('./components/centre-page').then((m) => m.CentrePage),
      permissions: read,
    },
  ],
};
