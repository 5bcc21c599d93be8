import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { programKeys } from './keys';

/** `GET /api/programs/settings`: the district's coverage threshold N. */
export function getProgramSettings() {
  return api.get('/api/programs/settings');
}

export function useProgramSettings() {
  return useQuery({ queryKey: programKeys.settings, queryFn: getProgramSettings });
}
