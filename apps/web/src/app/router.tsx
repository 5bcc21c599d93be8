import { createBrowserRouter, type RouteObject } from 'react-router';
import { setNavigator } from '@/lib/api-client';
import type { FeatureRoute, FeatureRoutes } from '@/lib/feature-routes';
import { AuthenticatedApp, Landing } from './guards';
import { BootSpinner, lazyPage, NotFoundPage, RouteErrorPage } from './route-pages';

/**
 * Every feature's pages: each `features/<feature>/routes.tsx` exports its `routes`, found at build
 * time, so a new feature adds its folder and nothing else.
 */
const FEATURES: readonly FeatureRoutes[] = Object.values(
  import.meta.glob<{ routes: FeatureRoutes }>('../features/*/routes.tsx', { eager: true }),
).map((m) => m.routes);

const page = (r: FeatureRoute): RouteObject => ({
  path: r.path,
  lazy: lazyPage(r.load, r.permissions ? [...r.permissions] : undefined),
});

/**
 * Every page of the app, composed from the features' route tables. Pages load lazily, each inside
 * its own error boundary; the signed-in pages sit under `AuthenticatedApp` (login guard + layout),
 * with a permission check per page.
 */
export function appRoutes(): RouteObject[] {
  return [
    ...FEATURES.flatMap((f) => f.public ?? []).map((r) => ({
      ...page(r),
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
    })),
    {
      element: <AuthenticatedApp />,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      children: [
        { path: '/start', element: <Landing /> },
        ...FEATURES.flatMap((f) => f.signedIn ?? []).map(page),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/** The browser's router over every page; the API client navigates through it. */
export function createRouter() {
  const router = createBrowserRouter(appRoutes());
  // The API client sends 401/403-restriction answers to /login and the account pages without a reload.
  setNavigator((path) => void router.navigate(path));
  return router;
}
