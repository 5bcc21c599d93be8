import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { internshipKeys } from './keys';

export type Placement = ApiResponse<'get', '/api/internship-placements/{id}'>['placement'];

/** `GET /api/internship-placements/{id}`: one placement with its documents and 启动实习 checklist. */
export async function getPlacement(id: string) {
  return (await api.get('/api/internship-placements/{id}', { path: { id } })).placement;
}

export function usePlacement(id: string) {
  return useQuery({ queryKey: internshipKeys.placement(id), queryFn: () => getPlacement(id) });
}
