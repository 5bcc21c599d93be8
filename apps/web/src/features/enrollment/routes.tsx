import type { FeatureRoutes } from '@/lib/feature-routes';

/** Unified enrolment: seasons, runs, preferences, matching, admissions, the what-if, the public look-up. */
export const routes: FeatureRoutes = {
  public: [
    {
      path: '/public/enrollment/results',
      load: () => import('./components/public-lookup-page').then((m) => m.PublicLookupPage),
    },
    {
      path: '/public/enrollment/cutoffs',
      load: () => import('./components/public-cutoffs-page').then((m) => m.PublicCutoffsPage),
    },
  ],
  signedIn: [
    {
      path: '/enrollment',
      load: () => import('./components/seasons-page').then((m) => m.SeasonsPage),
      permissions: ['enrollment.read'],
    },
    {
      path: '/enrollment/seasons/:id',
      load: () => import('./components/season-page').then((m) => m.SeasonPage),
      permissions: ['enrollment.read'],
    },
    {
      path: '/enrollment/seasons/:id/runs/:runId',
      load: () => import('./components/run-page').then((m) => m.RunPage),
      permissions: ['enrollment.manage'],
    },
    {
      path: '/enrollment/preferences',
      load: () => import('./components/preferences-page').then((m) => m.PreferencesPage),
      permissions: ['enrollment.preferences'],
    },
    {
      path: '/enrollment/matching',
      load: () => import('./components/matching-page').then((m) => m.MatchingPage),
      permissions: ['enrollment.manage'],
    },
    {
      path: '/enrollment/admissions',
      load: () => import('./components/admissions-page').then((m) => m.AdmissionsPage),
      permissions: ['enrollment.manage', 'enrollment.register'],
    },
    {
      path: '/enrollment/simulation',
      load: () => import('./components/simulation-page').then((m) => m.SimulationPage),
      permissions: ['enrollment.manage'],
    },
  ],
};
