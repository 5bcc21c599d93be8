import type { FeatureRoutes } from '@/lib/feature-routes';

/** Credentials anyone can verify: the public verification page (no sign-in). */
export const routes: FeatureRoutes = {
  public: [
    {
      path: '/public/credentials/verify',
      load: () => import('./components/verify-credential-page').then((m) => m.VerifyCredentialPage),
    },
  ],
};
