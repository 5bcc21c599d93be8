import type { FeatureRoutes } from '@/lib/feature-routes';
import { SETTINGS_PERMISSIONS } from './lib/tabs';

/** 区级设置: the district's 双师型 criteria, reporting periods, major catalogue and upload rules. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/settings',
      load: () => import('./components/settings-page').then((m) => m.SettingsPage),
      permissions: SETTINGS_PERMISSIONS,
    },
  ],
};
