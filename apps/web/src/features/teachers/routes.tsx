import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['teacher.read'] as const;

/** Teachers: the register, 双师型 applications, the ratio, hires against the recruitment rule. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/teachers',
      load: () => import('./components/teachers-page').then((m) => m.TeachersPage),
      permissions: read,
    },
    {
      path: '/teachers/dq',
      load: () => import('./components/dq-applications-page').then((m) => m.DqApplicationsPage),
      permissions: read,
    },
    {
      path: '/teachers/ratio',
      load: () => import('./components/ratio-page').then((m) => m.RatioPage),
      permissions: read,
    },
    {
      path: '/teachers/hires',
      load: () => import('./components/hires-page').then((m) => m.HiresPage),
      permissions: read,
    },
    {
      path: '/teachers/:id',
      load: () => import('./components/teacher-page').then((m) => m.TeacherPage),
      permissions: read,
    },
  ],
};
