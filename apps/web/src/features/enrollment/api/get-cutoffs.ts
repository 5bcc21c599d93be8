import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicCutoffs } from '../types';
import { enrollmentKeys } from './keys';

/** Cut-offs (录取分数线) and fill rates of a season's published batches (no sign-in; counts only). */
export function getCutoffs(seasonId: string): Promise<PublicCutoffs> {
  return api.get('/api/public/enrollment/seasons/{id}/cutoffs', {
    path: { id: seasonId },
    redirectOn401: false,
  });
}

export function useCutoffs(seasonId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.publicCutoffs(seasonId ?? ''),
    queryFn: () => getCutoffs(seasonId!),
    enabled: !!seasonId,
  });
}
