import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { trainingBaseKeys } from './keys';

export type Base = ApiResponse<'get', '/api/training-bases/{id}'>['base'];
export type Session = Base['sessions'][number];

/** `GET /api/training-bases/{id}`: one base with its sessions and utilisation. */
export async function getBase(id: string) {
  return (await api.get('/api/training-bases/{id}', { path: { id } })).base;
}

export function useBase(id: string) {
  return useQuery({ queryKey: trainingBaseKeys.base(id), queryFn: () => getBase(id) });
}
