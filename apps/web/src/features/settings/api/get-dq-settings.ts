import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type DqSettings = ApiResponse<'get', '/api/dq-settings'>;
export type DqLevels = DqSettings['criteria']['levels'];

/** `GET /api/dq-settings`: the district's 双师型 criteria, each value's basis, who set them last. */
export function getDqSettings() {
  return api.get('/api/dq-settings');
}

export function useDqSettings() {
  return useQuery({ queryKey: queryKeys.dqSettings, queryFn: getDqSettings });
}
