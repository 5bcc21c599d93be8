import type { FeatureRoutes } from '@/lib/feature-routes';

/** Sign-in and the account pages (password change, TOTP enrolment). */
export const routes: FeatureRoutes = {
  public: [{ path: '/login', load: () => import('./components/login-page').then((m) => m.LoginPage) }],
  signedIn: [
    {
      path: '/account/password',
      load: () => import('./components/password-page').then((m) => m.PasswordPage),
    },
    { path: '/account/totp', load: () => import('./components/totp-page').then((m) => m.TotpPage) },
  ],
};
