import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { cooperationKeys, useCooperationMutation } from './keys';

export type Apprenticeship = ApiResponse<'get', '/api/apprenticeships/{id}'>['apprenticeship'];
export type ApprenticeshipFilter = Omit<ApiQuery<'get', '/api/apprenticeships'>, 'limit' | 'offset'>;
export type ApprenticeshipInput = ApiBody<'post', '/api/apprenticeships'>;
export type CompletionInput = ApiBody<'post', '/api/apprenticeships/{id}/completion'>;
export type StageInput = ApiBody<'post', '/api/apprenticeships/{id}/stage-completion'>;

export function useApprenticeships(filter: ApprenticeshipFilter) {
  return useQuery({
    queryKey: cooperationKeys.apprenticeships({ ...filter }),
    queryFn: async () => (await api.get('/api/apprenticeships', { query: { limit: 500, ...filter } })).items,
  });
}

export function useApprenticeship(id: string) {
  return useQuery({
    queryKey: cooperationKeys.apprenticeship(id),
    queryFn: async () => (await api.get('/api/apprenticeships/{id}', { path: { id } })).apprenticeship,
  });
}

/** Writes a draft, or edits one (`id`). */
export const useSaveApprenticeship = () =>
  useCooperationMutation(async ({ id, body }: { id?: string; body: ApprenticeshipInput }) =>
    id
      ? (await api.put('/api/apprenticeships/{id}', { path: { id }, body })).apprenticeship
      : (await api.post('/api/apprenticeships', { body })).apprenticeship,
  );

/** The school's or the enterprise's approval (409 with every reason it cannot). */
export const useApproveApprenticeship = () =>
  useCooperationMutation(async ({ id, side }: { id: string; side: 'school' | 'enterprise' }) =>
    side === 'school'
      ? (await api.post('/api/apprenticeships/{id}/school-approval', { path: { id } })).apprenticeship
      : (await api.post('/api/apprenticeships/{id}/enterprise-approval', { path: { id } })).apprenticeship,
  );

/** A step that takes a reason: the enterprise's return, the school's termination. */
export const useReasonStep = () =>
  useCooperationMutation(
    async ({ id, step, reason }: { id: string; step: 'return' | 'termination'; reason: string }) =>
      step === 'return'
        ? (await api.post('/api/apprenticeships/{id}/return', { path: { id }, body: { reason } }))
            .apprenticeship
        : (await api.post('/api/apprenticeships/{id}/termination', { path: { id }, body: { reason } }))
            .apprenticeship,
  );

export const useCompleteStage = () =>
  useCooperationMutation(
    async ({ id, body }: { id: string; body: StageInput }) =>
      (await api.post('/api/apprenticeships/{id}/stage-completion', { path: { id }, body })).apprenticeship,
  );

export const useCompleteApprenticeship = () =>
  useCooperationMutation(
    async ({ id, body }: { id: string; body: CompletionInput }) =>
      (await api.post('/api/apprenticeships/{id}/completion', { path: { id }, body })).apprenticeship,
  );
