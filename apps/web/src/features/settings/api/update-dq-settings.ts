import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `PUT /api/dq-settings`: records the district's criteria (null = the defaults); audited. */
export function updateDqSettings(body: ApiBody<'put', '/api/dq-settings'>) {
  return api.put('/api/dq-settings', { body });
}

/** Saves the settings and refreshes every teachers query (the ratio and the checks follow them). */
export function useUpdateDqSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDqSettings,
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.dqSettings, data);
      return queryClient.invalidateQueries({ queryKey: ['teachers'] });
    },
  });
}
