import type { FeatureRoutes } from '@/lib/feature-routes';

const manage = ['consultation.manage'] as const;

/** Public consultation: the citizens' pages and the editors' moderation, replies and revision. */
export const routes: FeatureRoutes = {
  public: [
    {
      path: '/consultations',
      load: () => import('./components/public-consultations-page').then((m) => m.PublicConsultationsPage),
    },
    {
      path: '/consultations/:id',
      load: () => import('./components/public-consultation-page').then((m) => m.PublicConsultationPage),
    },
    {
      path: '/consultations/:id/summary',
      load: () => import('./components/public-summary-page').then((m) => m.PublicSummaryPage),
    },
  ],
  signedIn: [
    {
      path: '/consultation',
      load: () => import('./components/consultations-page').then((m) => m.ConsultationsPage),
      permissions: manage,
    },
    {
      path: '/consultation/:id',
      load: () => import('./components/consultation-manage-page').then((m) => m.ConsultationManagePage),
      permissions: manage,
    },
    {
      path: '/consultation/:id/revision',
      load: () => import('./components/revision-page').then((m) => m.RevisionPage),
      permissions: manage,
    },
    {
      path: '/consultation/:id/diff',
      load: () => import('./components/diff-page').then((m) => m.DiffPage),
      permissions: manage,
    },
  ],
};
