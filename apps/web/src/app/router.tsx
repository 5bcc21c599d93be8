import { createBrowserRouter } from 'react-router';
import { setNavigator } from '@/lib/api-client';
import { AuthenticatedApp, Landing } from './guards';
import { BootSpinner, lazyPage, NotFoundPage, RouteErrorPage } from './route-pages';

/**
 * Every page of the app. Pages load lazily, each inside its own error boundary; the signed-in
 * pages sit under `AuthenticatedApp` (login guard + layout), with a permission check per page.
 */
export function createRouter() {
  const router = createBrowserRouter([
    {
      path: '/',
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(() => import('@/features/public/components/public-home').then((m) => m.PublicHome)),
    },
    ...[
      [
        '/consultations',
        () =>
          import('@/features/consultation/components/public-consultations-page').then(
            (m) => m.PublicConsultationsPage,
          ),
      ],
      [
        '/consultations/:id',
        () =>
          import('@/features/consultation/components/public-consultation-page').then(
            (m) => m.PublicConsultationPage,
          ),
      ],
      [
        '/consultations/:id/summary',
        () =>
          import('@/features/consultation/components/public-summary-page').then((m) => m.PublicSummaryPage),
      ],
    ].map(([path, load]) => ({
      path: path as string,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(load as Parameters<typeof lazyPage>[0]),
    })),
    {
      path: '/login',
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(() => import('@/features/auth/components/login-page').then((m) => m.LoginPage)),
    },
    {
      path: '/public/supervision-reports',
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(() =>
        import('@/features/supervision/components/public-reports-page').then((m) => m.PublicReportsPage),
      ),
    },
    {
      path: '/public/supervision-reports/:id',
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(() =>
        import('@/features/supervision/components/public-report-page').then((m) => m.PublicReportPage),
      ),
    },
    ...[
      [
        '/public/enrollment/results',
        () => import('@/features/enrollment/components/public-lookup-page').then((m) => m.PublicLookupPage),
      ],
      [
        '/public/enrollment/cutoffs',
        () => import('@/features/enrollment/components/public-cutoffs-page').then((m) => m.PublicCutoffsPage),
      ],
    ].map(([path, load]) => ({
      path: path as string,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      lazy: lazyPage(load as Parameters<typeof lazyPage>[0]),
    })),
    {
      element: <AuthenticatedApp />,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <BootSpinner />,
      children: [
        { path: '/start', element: <Landing /> },
        {
          path: '/account/password',
          lazy: lazyPage(() =>
            import('@/features/auth/components/password-page').then((m) => m.PasswordPage),
          ),
        },
        {
          path: '/account/totp',
          lazy: lazyPage(() => import('@/features/auth/components/totp-page').then((m) => m.TotpPage)),
        },
        {
          path: '/plans',
          lazy: lazyPage(
            () => import('@/features/plan/components/plans-redirect').then((m) => m.PlansRedirect),
            ['plan.read'],
          ),
        },
        {
          path: '/plans/:code',
          lazy: lazyPage(
            () => import('@/features/plan/components/plan-overview-page').then((m) => m.PlanOverviewPage),
            ['plan.read'],
          ),
        },
        {
          path: '/tasks/:id',
          lazy: lazyPage(
            () => import('@/features/tasks/components/task-page').then((m) => m.TaskPage),
            ['plan.read'],
          ),
        },
        {
          path: '/indicators',
          lazy: lazyPage(
            () => import('@/features/indicators/components/indicators-page').then((m) => m.IndicatorsPage),
            ['plan.read'],
          ),
        },
        {
          path: '/indicators/:id',
          lazy: lazyPage(
            () => import('@/features/indicators/components/indicator-page').then((m) => m.IndicatorPage),
            ['plan.read'],
          ),
        },
        {
          path: '/progress',
          lazy: lazyPage(
            () => import('@/features/progress/components/progress-list-page').then((m) => m.ProgressListPage),
            ['progress.report'],
          ),
        },
        {
          path: '/progress/new',
          lazy: lazyPage(
            () => import('@/features/progress/components/report-form-page').then((m) => m.ReportFormPage),
            ['progress.report'],
          ),
        },
        {
          path: '/progress/:id/edit',
          lazy: lazyPage(
            () => import('@/features/progress/components/report-form-page').then((m) => m.ReportFormPage),
            ['progress.report'],
          ),
        },
        {
          path: '/review',
          lazy: lazyPage(
            () => import('@/features/review/components/review-page').then((m) => m.ReviewPage),
            ['progress.review'],
          ),
        },
        {
          path: '/alerts',
          lazy: lazyPage(
            () => import('@/features/alerts/components/alerts-page').then((m) => m.AlertsPage),
            ['alert.read'],
          ),
        },
        {
          path: '/meetings',
          lazy: lazyPage(
            () => import('@/features/meetings/components/meetings-list-page').then((m) => m.MeetingsListPage),
            ['meeting.read'],
          ),
        },
        {
          path: '/meetings/action-items/:id?',
          lazy: lazyPage(
            () => import('@/features/meetings/components/action-items-page').then((m) => m.ActionItemsPage),
            ['meeting.read'],
          ),
        },
        {
          path: '/meetings/:id',
          lazy: lazyPage(
            () =>
              import('@/features/meetings/components/meeting-detail-page').then((m) => m.MeetingDetailPage),
            ['meeting.read'],
          ),
        },
        {
          path: '/admin/users',
          lazy: lazyPage(
            () => import('@/features/admin/components/users-page').then((m) => m.UsersPage),
            ['user.manage', 'user.security'],
          ),
        },
        {
          path: '/admin/org-units',
          lazy: lazyPage(
            () => import('@/features/admin/components/org-units-page').then((m) => m.OrgUnitsPage),
            ['org.manage', 'org.read'],
          ),
        },
        {
          path: '/admin/audit',
          lazy: lazyPage(
            () => import('@/features/admin/components/audit-page').then((m) => m.AuditPage),
            ['audit.read'],
          ),
        },
        {
          path: '/supervision',
          lazy: lazyPage(
            () =>
              import('@/features/supervision/components/dashboard-page').then(
                (m) => m.SupervisionDashboardPage,
              ),
            ['supervision.read'],
          ),
        },
        {
          path: '/supervision/inspections',
          lazy: lazyPage(
            () => import('@/features/supervision/components/inspections-page').then((m) => m.InspectionsPage),
            ['supervision.read'],
          ),
        },
        {
          path: '/supervision/inspections/:id',
          lazy: lazyPage(
            () => import('@/features/supervision/components/inspection-page').then((m) => m.InspectionPage),
            ['supervision.read'],
          ),
        },
        {
          path: '/supervision/orders',
          lazy: lazyPage(
            () => import('@/features/supervision/components/orders-page').then((m) => m.OrdersPage),
            ['supervision.read'],
          ),
        },
        {
          path: '/supervision/orders/:id',
          lazy: lazyPage(
            () => import('@/features/supervision/components/order-page').then((m) => m.OrderPage),
            ['supervision.read'],
          ),
        },
        {
          path: '/supervision/interviews',
          lazy: lazyPage(
            () => import('@/features/supervision/components/interviews-page').then((m) => m.InterviewsPage),
            ['supervision.manage', 'supervision.inspect'],
          ),
        },
        {
          path: '/supervision/assessment',
          lazy: lazyPage(
            () => import('@/features/supervision/components/assessment-page').then((m) => m.AssessmentPage),
            ['supervision.read'],
          ),
        },
        ...[
          [
            '/teachers',
            () => import('@/features/teachers/components/teachers-page').then((m) => m.TeachersPage),
          ],
          [
            '/teachers/dq',
            () =>
              import('@/features/teachers/components/dq-applications-page').then((m) => m.DqApplicationsPage),
          ],
          [
            '/teachers/ratio',
            () => import('@/features/teachers/components/ratio-page').then((m) => m.RatioPage),
          ],
          [
            '/teachers/hires',
            () => import('@/features/teachers/components/hires-page').then((m) => m.HiresPage),
          ],
          [
            '/teachers/:id',
            () => import('@/features/teachers/components/teacher-page').then((m) => m.TeacherPage),
          ],
        ].map(([path, load]) => ({
          path: path as string,
          lazy: lazyPage(load as Parameters<typeof lazyPage>[0], ['teacher.read']),
        })),
        ...[
          ['/programs', () => import('@/features/programs/components/majors-page').then((m) => m.MajorsPage)],
          [
            '/programs/courses',
            () => import('@/features/programs/components/courses-page').then((m) => m.CoursesPage),
          ],
          [
            '/programs/projects',
            () => import('@/features/programs/components/projects-page').then((m) => m.ProjectsPage),
          ],
          [
            '/programs/resources',
            () => import('@/features/programs/components/resources-page').then((m) => m.ResourcesPage),
          ],
        ].map(([path, load]) => ({
          path: path as string,
          lazy: lazyPage(load as Parameters<typeof lazyPage>[0], ['program.read']),
        })),
        ...[
          [
            '/consultation',
            () =>
              import('@/features/consultation/components/consultations-page').then(
                (m) => m.ConsultationsPage,
              ),
          ],
          [
            '/consultation/:id',
            () =>
              import('@/features/consultation/components/consultation-manage-page').then(
                (m) => m.ConsultationManagePage,
              ),
          ],
          [
            '/consultation/:id/revision',
            () => import('@/features/consultation/components/revision-page').then((m) => m.RevisionPage),
          ],
          [
            '/consultation/:id/diff',
            () => import('@/features/consultation/components/diff-page').then((m) => m.DiffPage),
          ],
        ].map(([path, load]) => ({
          path: path as string,
          lazy: lazyPage(load as Parameters<typeof lazyPage>[0], ['consultation.manage']),
        })),
        ...(
          [
            [
              '/enrollment',
              () => import('@/features/enrollment/components/seasons-page').then((m) => m.SeasonsPage),
              ['enrollment.read'],
            ],
            [
              '/enrollment/seasons/:id',
              () => import('@/features/enrollment/components/season-page').then((m) => m.SeasonPage),
              ['enrollment.read'],
            ],
            [
              '/enrollment/seasons/:id/runs/:runId',
              () => import('@/features/enrollment/components/run-page').then((m) => m.RunPage),
              ['enrollment.manage'],
            ],
            [
              '/enrollment/preferences',
              () =>
                import('@/features/enrollment/components/preferences-page').then((m) => m.PreferencesPage),
              ['enrollment.preferences'],
            ],
            [
              '/enrollment/matching',
              () => import('@/features/enrollment/components/matching-page').then((m) => m.MatchingPage),
              ['enrollment.manage'],
            ],
            [
              '/enrollment/admissions',
              () => import('@/features/enrollment/components/admissions-page').then((m) => m.AdmissionsPage),
              ['enrollment.manage', 'enrollment.register'],
            ],
            [
              '/enrollment/simulation',
              () => import('@/features/enrollment/components/simulation-page').then((m) => m.SimulationPage),
              ['enrollment.manage'],
            ],
          ] as const
        ).map(([path, load, permissions]) => ({
          path,
          lazy: lazyPage(load as Parameters<typeof lazyPage>[0], [...permissions]),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
  // The API client sends 401/403-restriction answers to /login and the account pages without a reload.
  setNavigator((path) => void router.navigate(path));
  return router;
}
