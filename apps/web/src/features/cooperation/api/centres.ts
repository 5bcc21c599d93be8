import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { cooperationKeys, useCooperationMutation } from './keys';

export type Centre = ApiResponse<'get', '/api/cooperation-centres/{id}'>['centre'];
export type CentreFilter = Omit<ApiQuery<'get', '/api/cooperation-centres'>, 'limit' | 'offset'>;
export type CentreInput = ApiBody<'post', '/api/cooperation-centres'>;
export type ProjectInput = ApiBody<'post', '/api/cooperation-centres/{id}/projects'>;
export type ClosureInput = ApiBody<'post', '/api/cooperation-centres/{id}/closure'>;

export function useCentres(filter: CentreFilter) {
  return useQuery({
    queryKey: cooperationKeys.centres({ ...filter }),
    queryFn: async () =>
      (await api.get('/api/cooperation-centres', { query: { limit: 500, ...filter } })).items,
  });
}

export function useCentre(id: string) {
  return useQuery({
    queryKey: cooperationKeys.centre(id),
    queryFn: async () => (await api.get('/api/cooperation-centres/{id}', { path: { id } })).centre,
  });
}

export const useSaveCentre = () =>
  useCooperationMutation(async ({ id, body }: { id?: string; body: CentreInput }) =>
    id
      ? (await api.put('/api/cooperation-centres/{id}', { path: { id }, body })).centre
      : (await api.post('/api/cooperation-centres', { body })).centre,
  );

export const useCloseCentre = () =>
  useCooperationMutation(
    async ({ id, body }: { id: string; body: ClosureInput }) =>
      (await api.post('/api/cooperation-centres/{id}/closure', { path: { id }, body })).centre,
  );

/** Adds a project to a centre, or edits one (`projectId`). */
export const useSaveProject = () =>
  useCooperationMutation(
    async ({ id, projectId, body }: { id: string; projectId?: string; body: ProjectInput }) =>
      projectId
        ? (
            await api.put('/api/cooperation-centres/{id}/projects/{projectId}', {
              path: { id, projectId },
              body,
            })
          ).centre
        : (await api.post('/api/cooperation-centres/{id}/projects', { path: { id }, body })).centre,
  );
