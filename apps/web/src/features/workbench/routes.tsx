import type { FeatureRoutes } from '@/lib/feature-routes';

/** The workbench (工作台): where every account with a role lands, with its todos. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/workbench',
      load: () => import('./components/workbench-page').then((m) => m.WorkbenchPage),
    },
  ],
};
