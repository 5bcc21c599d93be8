import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { learnerKeys } from './keys';

export type LearnerFilter = ApiQuery<'get', '/api/learners'>;

/** `GET /api/learners`: one page of the register of the schools the user sees (ID numbers masked). */
export function getLearners(filter: LearnerFilter) {
  return api.get('/api/learners', { query: filter });
}

export function useLearners(filter: LearnerFilter) {
  return useQuery({
    queryKey: learnerKeys.list({ ...filter }),
    queryFn: () => getLearners(filter),
    placeholderData: keepPreviousData,
  });
}
