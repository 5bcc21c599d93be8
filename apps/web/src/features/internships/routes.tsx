import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['internship.read'] as const;

/** Internships: posts (实习岗位), placements (实习安排) with their documents and attendance. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/internships/posts',
      load: () => import('./components/posts-page').then((m) => m.PostsPage),
      permissions: read,
    },
    {
      path: '/internships/posts/:id',
      load: () => import('./components/post-page').then((m) => m.PostPage),
      permissions: read,
    },
    {
      path: '/internships/placements',
      load: () => import('./components/placements-page').then((m) => m.PlacementsPage),
      permissions: read,
    },
    {
      path: '/internships/placements/:id',
      load: () => import('./components/placement-page').then((m) => m.PlacementPage),
      permissions: read,
    },
  ],
};
