import type { Permission } from '@zhijiao/contracts';
import type { ComponentType } from 'react';

/** One page of a feature: its path, its lazily loaded component, who may open it. */
export interface FeatureRoute {
  path: string;
  /** Loads the page's code on first visit (its own chunk). */
  load: () => Promise<ComponentType>;
  /** Any one of these opens the page; others see a 403 card. Omitted: every signed-in user. */
  permissions?: readonly Permission[];
}

/**
 * The pages a feature adds to the app: `public` ones anyone opens, `signedIn` ones inside the
 * layout after sign-in. Each feature exports one of these from its `routes.tsx`; the router
 * composes the list.
 */
export interface FeatureRoutes {
  public?: readonly FeatureRoute[];
  signedIn?: readonly FeatureRoute[];
}
