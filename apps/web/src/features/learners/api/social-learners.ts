import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { learnerKeys } from './keys';
import { useLearnerMutation } from './mutate';

export type SocialLearnerBody = ApiBody<'post', '/api/learners/social-learners'>;

/** `POST /api/learners/social-learners`: 登记社会学习者 (someone already on the register is answered, not added). */
export function registerSocialLearner(body: SocialLearnerBody) {
  return api.post('/api/learners/social-learners', { body });
}

export function useRegisterSocialLearner() {
  return useLearnerMutation(registerSocialLearner);
}

/** `GET /api/learners/:id/same-person`: the same person's other rows in the district that the user sees. */
export function useSamePerson(id: string) {
  return useQuery({
    queryKey: learnerKeys.samePerson(id),
    queryFn: () => api.get('/api/learners/{id}/same-person', { path: { id } }),
  });
}
