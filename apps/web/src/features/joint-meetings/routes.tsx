import type { FeatureRoutes } from '@/lib/feature-routes';

/** The joint meeting of bureaus: meetings, action items. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/meetings',
      load: () => import('./components/meetings-list-page').then((m) => m.MeetingsListPage),
      permissions: ['meeting.read'],
    },
    {
      path: '/meetings/action-items/:id?',
      load: () => import('./components/action-items-page').then((m) => m.ActionItemsPage),
      permissions: ['meeting.read'],
    },
    {
      path: '/meetings/:id',
      load: () => import('./components/meeting-detail-page').then((m) => m.MeetingDetailPage),
      permissions: ['meeting.read'],
    },
  ],
};
