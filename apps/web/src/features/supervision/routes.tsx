import type { FeatureRoutes } from '@/lib/feature-routes';

/** Supervision: the dashboard, inspections, orders, interviews, the assessment, published reports. */
export const routes: FeatureRoutes = {
  public: [
    {
      path: '/public/supervision-reports',
      load: () => import('./components/public-reports-page').then((m) => m.PublicReportsPage),
    },
    {
      path: '/public/supervision-reports/:id',
      load: () => import('./components/public-report-page').then((m) => m.PublicReportPage),
    },
  ],
  signedIn: [
    {
      path: '/supervision',
      load: () => import('./components/dashboard-page').then((m) => m.SupervisionDashboardPage),
      permissions: ['supervision.read'],
    },
    {
      path: '/supervision/inspections',
      load: () => import('./components/inspections-page').then((m) => m.InspectionsPage),
      permissions: ['supervision.read'],
    },
    {
      path: '/supervision/inspections/:id',
      load: () => import('./components/inspection-page').then((m) => m.InspectionPage),
      permissions: ['supervision.read'],
    },
    {
      path: '/supervision/orders',
      load: () => import('./components/orders-page').then((m) => m.OrdersPage),
      permissions: ['supervision.read'],
    },
    {
      path: '/supervision/orders/:id',
      load: () => import('./components/order-page').then((m) => m.OrderPage),
      permissions: ['supervision.read'],
    },
    {
      path: '/supervision/interviews',
      load: () => import('./components/interviews-page').then((m) => m.InterviewsPage),
      permissions: ['supervision.manage', 'supervision.inspect'],
    },
    {
      path: '/supervision/assessment',
      load: () => import('./components/assessment-page').then((m) => m.AssessmentPage),
      permissions: ['supervision.read'],
    },
  ],
};
