import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { trainingBaseKeys } from './keys';

export type BaseSummary = ApiResponse<'get', '/api/training-bases'>['items'][number];
export type BaseFilter = ApiQuery<'get', '/api/training-bases'>;

/** `GET /api/training-bases`: the bases the user sees. */
export async function getBases(filter: BaseFilter) {
  return (await api.get('/api/training-bases', { query: filter })).items;
}

export function useBases(filter: BaseFilter) {
  return useQuery({ queryKey: trainingBaseKeys.bases({ ...filter }), queryFn: () => getBases(filter) });
}
