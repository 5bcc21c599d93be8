import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { internshipKeys } from './keys';

export type PlacementSummary = ApiResponse<'get', '/api/internship-placements'>['items'][number];
export type PlacementFilter = Pick<
  ApiQuery<'get', '/api/internship-placements'>,
  'year' | 'state' | 'postId'
>;

/** `GET /api/internship-placements`: the placements the user sees. */
export async function getPlacements(filter: PlacementFilter) {
  return (await api.get('/api/internship-placements', { query: { limit: 500, ...filter } })).items;
}

export function usePlacements(filter: PlacementFilter) {
  return useQuery({
    queryKey: internshipKeys.placements({ ...filter }),
    queryFn: () => getPlacements(filter),
  });
}
