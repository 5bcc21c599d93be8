import { PERMISSIONS } from '@zhijiao/contracts';
import type { FeatureRoutes } from '@/lib/feature-routes';

/** The global search's results page: every account holding a role (any permission) opens it. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/search',
      permissions: PERMISSIONS,
      load: () => import('./components/search-page').then((m) => m.SearchPage),
    },
  ],
};
