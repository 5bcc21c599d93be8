import type { FeatureRoutes } from '@/lib/feature-routes';

/** The plan: the public home, the dashboard, tasks, indicators, progress reports, review, alerts. */
export const routes: FeatureRoutes = {
  public: [
    { path: '/', load: () => import('./components/public-home').then((m) => m.PublicHome) },
    {
      path: '/public/plans/:code/tasks/:number',
      load: () => import('./components/public-task-page').then((m) => m.PublicTaskPage),
    },
    {
      path: '/public/plans/:code/indicators/:indicator',
      load: () => import('./components/public-indicator-page').then((m) => m.PublicIndicatorPage),
    },
  ],
  signedIn: [
    {
      path: '/plans',
      load: () => import('./components/plans-redirect').then((m) => m.PlansRedirect),
      permissions: ['plan.read'],
    },
    {
      path: '/plans/:code',
      load: () => import('./components/plan-overview-page').then((m) => m.PlanOverviewPage),
      permissions: ['plan.read'],
    },
    {
      path: '/plans/:code/evaluation',
      load: () => import('./components/evaluation-page').then((m) => m.EvaluationPage),
      permissions: ['plan.read'],
    },
    {
      path: '/tasks/:id',
      load: () => import('./components/task-page').then((m) => m.TaskPage),
      permissions: ['plan.read'],
    },
    {
      path: '/indicators',
      load: () => import('./components/indicators-page').then((m) => m.IndicatorsPage),
      permissions: ['plan.read'],
    },
    {
      path: '/indicators/:id',
      load: () => import('./components/indicator-page').then((m) => m.IndicatorPage),
      permissions: ['plan.read'],
    },
    {
      path: '/progress',
      load: () => import('./components/progress-list-page').then((m) => m.ProgressListPage),
      permissions: ['progress.report'],
    },
    {
      path: '/progress/new',
      load: () => import('./components/report-form-page').then((m) => m.ReportFormPage),
      permissions: ['progress.report'],
    },
    {
      path: '/progress/:id/edit',
      load: () => import('./components/report-form-page').then((m) => m.ReportFormPage),
      permissions: ['progress.report'],
    },
    {
      path: '/review',
      load: () => import('./components/review-page').then((m) => m.ReviewPage),
      permissions: ['progress.review'],
    },
    {
      path: '/alerts',
      load: () => import('./components/alerts-page').then((m) => m.AlertsPage),
      permissions: ['alert.read'],
    },
  ],
};
