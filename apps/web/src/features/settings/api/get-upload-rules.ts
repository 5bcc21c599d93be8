import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UploadRules = ApiResponse<'get', '/api/files/rules'>;

/** `GET /api/files/rules`: the kinds, size limit and storage the server's upload guard applies. */
export function getUploadRules() {
  return api.get('/api/files/rules');
}

export function useUploadRules() {
  return useQuery({ queryKey: queryKeys.uploadRules, queryFn: getUploadRules });
}
