import type { FeatureRoutes } from '@/lib/feature-routes';

/** Training bases (实训基地) with sessions and utilisation; vocational-education groups (职教集团). */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/training-bases',
      load: () => import('./components/bases-page').then((m) => m.BasesPage),
      permissions: ['trainingBase.read'],
    },
    {
      path: '/training-bases/:id',
      load: () => import('./components/base-page').then((m) => m.BasePage),
      permissions: ['trainingBase.read'],
    },
    {
      path: '/vet-groups',
      load: () => import('./components/groups-page').then((m) => m.GroupsPage),
      permissions: ['vetGroup.read'],
    },
  ],
};
