import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['enterprise.read'] as const;

/**
 * Enterprises: the register (企业名录), an enterprise's page, the import of the 规上 list, and the
 * 2 % table of internship posts (实习岗位 2% 落实).
 */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/enterprises',
      load: () => import('./components/enterprises-page').then((m) => m.EnterprisesPage),
      permissions: read,
    },
    {
      path: '/enterprises/import',
      load: () => import('./components/import-page').then((m) => m.ImportPage),
      permissions: ['enterprise.manage'],
    },
    {
      path: '/enterprises/internship-duty',
      load: () => import('./components/duty-page').then((m) => m.DutyPage),
      permissions: ['internship.read'],
    },
    {
      path: '/enterprises/:id',
      load: () => import('./components/enterprise-page').then((m) => m.EnterprisePage),
      permissions: read,
    },
  ],
};
