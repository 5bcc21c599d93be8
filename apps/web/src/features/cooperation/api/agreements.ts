import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { cooperationKeys, useCooperationMutation } from './keys';

export type Agreement = ApiResponse<'get', '/api/cooperation-agreements/{id}'>['agreement'];
export type AgreementFilter = Omit<ApiQuery<'get', '/api/cooperation-agreements'>, 'limit' | 'offset'>;
export type AgreementInput = ApiBody<'post', '/api/cooperation-agreements'>;
export type TerminationInput = ApiBody<'post', '/api/cooperation-agreements/{id}/termination'>;

/** `GET /api/cooperation-agreements`: the agreements the user sees. */
export function useAgreements(filter: AgreementFilter) {
  return useQuery({
    queryKey: cooperationKeys.agreements({ ...filter }),
    queryFn: async () =>
      (await api.get('/api/cooperation-agreements', { query: { limit: 500, ...filter } })).items,
  });
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: cooperationKeys.agreement(id),
    queryFn: async () => (await api.get('/api/cooperation-agreements/{id}', { path: { id } })).agreement,
  });
}

/** Records an agreement, or edits one (`id`). */
export const useSaveAgreement = () =>
  useCooperationMutation(async ({ id, body }: { id?: string; body: AgreementInput }) =>
    id
      ? (await api.put('/api/cooperation-agreements/{id}', { path: { id }, body })).agreement
      : (await api.post('/api/cooperation-agreements', { body })).agreement,
  );

export const useTerminateAgreement = () =>
  useCooperationMutation(
    async ({ id, body }: { id: string; body: TerminationInput }) =>
      (await api.post('/api/cooperation-agreements/{id}/termination', { path: { id }, body })).agreement,
  );
