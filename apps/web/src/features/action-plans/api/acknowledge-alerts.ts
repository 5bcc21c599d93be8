import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';

/**
 * 知悉: the user's unit acknowledges alerts addressed to it, at the tier each was seen at; all or
 * nothing (a refused batch names each refused alert with its reason).
 */
export async function acknowledgeAlerts(body: ApiBody<'post', '/api/alerts/acknowledgements'>) {
  return api.post('/api/alerts/acknowledgements', { body });
}

/** Afterwards, and after a refusal too (a tier may have changed), the alerts are read again. */
export function useAcknowledgeAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlerts,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
