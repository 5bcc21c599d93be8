import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The district's 双师型 settings: part-time teachers in the ratio, per-level criteria with their basis. */
export type DqSettings = ApiResponse<'get', '/api/dq-settings'>;
export type DqLevels = DqSettings['criteria']['levels'];

/** `GET /api/dq-settings`: the district's 双师型 criteria, each value's basis, who set them last. */
export function getDqSettings(): Promise<DqSettings> {
  return api.get('/api/dq-settings');
}

/** The settings, shared by the ratio page and 区级设置's 双师型认定标准 tab (one query key). */
export function useDqSettings() {
  return useQuery({ queryKey: queryKeys.dqSettings, queryFn: getDqSettings });
}
