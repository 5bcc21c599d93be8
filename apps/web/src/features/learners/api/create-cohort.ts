import { api } from '@/lib/api-client';
import type { CohortBody } from '../types';
import { useLearnerMutation } from './mutate';

/**
 * `POST /api/learners/enrollment-cohorts`: puts the candidates registered (报到) at the school's
 * programs in a season on its register; says how many were added and how many were already there.
 */
export function createCohort(body: CohortBody) {
  return api.post('/api/learners/enrollment-cohorts', { body });
}

export function useCreateCohort() {
  return useLearnerMutation(createCohort);
}
