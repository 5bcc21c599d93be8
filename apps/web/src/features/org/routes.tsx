import type { FeatureRoutes } from '@/lib/feature-routes';

/** Accounts and org units (the system and security administrators' pages). */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/admin/users',
      load: () => import('./components/users-page').then((m) => m.UsersPage),
      permissions: ['user.manage', 'user.security'],
    },
    {
      path: '/admin/org-units',
      load: () => import('./components/org-units-page').then((m) => m.OrgUnitsPage),
      permissions: ['org.manage', 'org.read'],
    },
  ],
};
