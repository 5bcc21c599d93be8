import type { FeatureRoutes } from '@/lib/feature-routes';

const read = ['learner.read'] as const;

/** The student register (学籍): the list of learners, graduates' destinations, the credit bank's outcomes, one learner with the status history. */
export const routes: FeatureRoutes = {
  signedIn: [
    {
      path: '/learners',
      load: () => import('./components/learners-page').then((m) => m.LearnersPage),
      permissions: read,
    },
    {
      path: '/learners/destinations',
      load: () => import('./components/graduate-destinations-page').then((m) => m.GraduateDestinationsPage),
      permissions: read,
    },
    {
      path: '/learners/outcomes',
      load: () => import('./components/outcomes-page').then((m) => m.OutcomesPage),
      permissions: read,
    },
    {
      path: '/learners/conversions',
      load: () => import('./components/conversion-queue-page').then((m) => m.ConversionQueuePage),
      permissions: read,
    },
    {
      path: '/learners/catalogue',
      load: () => import('./components/catalogue-page').then((m) => m.CataloguePage),
      permissions: read,
    },
    {
      path: '/learners/conversion-rules',
      load: () => import('./components/conversion-rules-page').then((m) => m.ConversionRulesPage),
      permissions: read,
    },
    {
      path: '/learners/one-plus-x',
      load: () => import('./components/one-plus-x-page').then((m) => m.OnePlusXPage),
      permissions: read,
    },
    {
      path: '/learners/:id/transcript',
      load: () => import('./components/transcript-page').then((m) => m.TranscriptPage),
      permissions: read,
    },
    {
      path: '/learners/:id',
      load: () => import('./components/learner-page').then((m) => m.LearnerPage),
      permissions: read,
    },
  ],
};
