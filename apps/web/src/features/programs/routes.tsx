import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['program.read'] as const;

/** Programs: majors, courses and textbooks, recognised projects, the teaching resource library. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/programs',
      load: () => import('./components/majors-page').then((m) => m.MajorsPage),
      permissions: read,
    },
    {
      path: '/programs/courses',
      load: () => import('./components/courses-page').then((m) => m.CoursesPage),
      permissions: read,
    },
    {
      path: '/programs/projects',
      load: () => import('./components/projects-page').then((m) => m.ProjectsPage),
      permissions: read,
    },
    {
      path: '/programs/resources',
      load: () => import('./components/resources-page').then((m) => m.ResourcesPage),
      permissions: read,
    },
  ],
};
