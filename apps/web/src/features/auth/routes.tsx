import type { FeatureRoutes } from '@/lib/feature-routes';

/** Sign-in and the account pages (password change, TOTP enrolment, waiting for a role). */
export const routes: FeatureRoutes = {
  public: [{ path: '/login', load: () => import('./components/login-page').then((m) => m.LoginPage) }],
  signedIn: [
    {
      path: '/account/password',
      load: () => import('./components/password-page').then((m) => m.PasswordPage),
    },
    { path: '/account/totp', load: () => import('./components/totp-page').then((m) => m.TotpPage) },
    {
      path: '/account/awaiting-role',
      load: () => import('./components/awaiting-role-page').then((m) => m.AwaitingRolePage),
    },
  ],
};
