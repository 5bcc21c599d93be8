import type { ApiBody, ApiQuery, ApiResponse } from '@zhijiao/contracts/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type ApplicationRow = ApiResponse<'get', '/api/certification/applications'>['items'][number];
export type Application = ApiResponse<'get', '/api/certification/applications/{id}'>['application'];
export type IncentiveLedger = ApiResponse<'get', '/api/certification/incentives'>;
export type IncentiveBody = ApiBody<'post', '/api/certification/incentives'>;

/** Query keys of the certification feature, under one prefix so one invalidation refreshes them. */
export const certificationKeys = {
  all: ['certification'] as const,
  applications: (f: Record<string, unknown>) => ['certification', 'applications', f] as const,
  application: (id: string) => ['certification', 'application', id] as const,
  incentives: (f: Record<string, unknown>) => ['certification', 'incentives', f] as const,
};

export function useApplications(filter: { year?: number }) {
  return useQuery({
    queryKey: certificationKeys.applications(filter),
    queryFn: async () => (await api.get('/api/certification/applications', { query: filter })).items,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: certificationKeys.application(id),
    queryFn: async () =>
      (await api.get('/api/certification/applications/{id}', { path: { id } })).application,
  });
}

export function useIncentives(filter: ApiQuery<'get', '/api/certification/incentives'>) {
  return useQuery({
    queryKey: certificationKeys.incentives(filter),
    queryFn: () => api.get('/api/certification/incentives', { query: filter }),
  });
}

/** A mutation that refreshes every certification query and the plan's indicators when it succeeds. */
function useCertificationMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: certificationKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}

export const useApply = () =>
  useCertificationMutation(
    async (body: ApiBody<'post', '/api/certification/applications'>) =>
      (await api.post('/api/certification/applications', { body })).application,
  );

export const useOpinion = (id: string) =>
  useCertificationMutation(
    async (body: ApiBody<'put', '/api/certification/applications/{id}/opinion'>) =>
      (await api.put('/api/certification/applications/{id}/opinion', { path: { id }, body })).application,
  );

export const useCertify = (id: string) =>
  useCertificationMutation(
    async (body: { note: string }) =>
      (await api.post('/api/certification/applications/{id}/certification', { path: { id }, body }))
        .application,
  );

export const useRefuse = (id: string) =>
  useCertificationMutation(
    async (body: { reason: string }) =>
      (await api.post('/api/certification/applications/{id}/refusal', { path: { id }, body })).application,
  );

export const useRecheck = (id: string) =>
  useCertificationMutation(
    async (body: { comment: string }) =>
      (await api.post('/api/certification/applications/{id}/rechecks', { path: { id }, body })).application,
  );

export const useRevoke = (id: string) =>
  useCertificationMutation(
    async (body: { reason: string }) =>
      (await api.post('/api/certification/applications/{id}/revocation', { path: { id }, body })).application,
  );

export const useGrantIncentive = () =>
  useCertificationMutation(
    async (body: IncentiveBody) => (await api.post('/api/certification/incentives', { body })).incentive,
  );
