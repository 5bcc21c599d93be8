import type { FeatureRoutes } from '@/lib/feature-routes';

/** The message centre (消息中心): every signed-in account has one. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/notifications',
      load: () => import('./components/notifications-page').then((m) => m.NotificationsPage),
    },
  ],
};
