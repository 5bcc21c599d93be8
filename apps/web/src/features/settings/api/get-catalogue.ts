import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CatalogueEntry = ApiResponse<'get', '/api/programs/catalogue'>['items'][number];

/** `GET /api/programs/catalogue`: the newest version of the national 中职 major catalogue. */
export function getCatalogue() {
  return api.get('/api/programs/catalogue');
}

export function useCatalogue() {
  return useQuery({ queryKey: queryKeys.catalogue, queryFn: getCatalogue, staleTime: 60 * 60_000 });
}
