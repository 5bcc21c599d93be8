import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { programKeys } from './keys';

/** `GET /api/programs/catalogue`: the newest version of the national 中职 major catalogue. */
export function getCatalogue() {
  return api.get('/api/programs/catalogue');
}

export function useCatalogue() {
  return useQuery({ queryKey: programKeys.catalogue, queryFn: getCatalogue, staleTime: 60 * 60_000 });
}
