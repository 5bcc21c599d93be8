import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { PublicCutoffs } from '../types';
import { enc, enrollmentKeys } from './keys';

/** Cut-offs (录取分数线) and fill rates of a season's published batches (no sign-in; counts only). */
export async function getCutoffs(seasonId: string): Promise<PublicCutoffs> {
  return legacyApi<PublicCutoffs>(`/api/public/enrollment/seasons/${enc(seasonId)}/cutoffs`, {
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
