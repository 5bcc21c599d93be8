import { useQuery } from '@tanstack/react-query';
import type { MajorStatus, NationalStandard } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Items, OrgUnit, UnitRef } from '@/lib/api-types';
import type { CatalogueEntry, Major } from '../types';
import { enc, programKeys } from './keys';
import { useProgramMutation } from './mutate';

/** `GET /api/programs/catalogue`: the newest version of the national 中职 major catalogue. */
export function useCatalogue() {
  return useQuery({
    queryKey: programKeys.catalogue,
    queryFn: () => legacyApi<{ version: string | null; items: CatalogueEntry[] }>('/api/programs/catalogue'),
    staleTime: 60 * 60_000,
  });
}

/** `GET /api/majors`: majors of the schools the user sees. */
export function useMajors(filter: { schoolId?: string } = {}) {
  return useQuery({
    queryKey: programKeys.majors(filter),
    queryFn: async () => (await legacyApi<Items<Major>>('/api/majors', { query: filter })).items,
  });
}

/** Schools of the org tree the user may read (for filters), by code. */
export function useSchools() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: async () => (await legacyApi<Items<OrgUnit>>('/api/org-units')).items,
    staleTime: 5 * 60_000,
    select: (units): UnitRef[] =>
      units.filter((u) => u.type === 'school').map((u) => ({ id: u.id, code: u.code, name: u.name })),
  });
}

/** `GET /api/programs/settings`: the district's coverage threshold N. */
export function useProgramSettings() {
  return useQuery({
    queryKey: programKeys.settings,
    queryFn: () =>
      legacyApi<{ resourceCoverageThreshold: number; abilities: { edit: boolean } }>(
        '/api/programs/settings',
      ),
  });
}

export interface MajorBody {
  catalogueCode: string;
  direction: string;
  status: MajorStatus;
  establishedYear?: number | null;
}

/** Opens a major at the user's school. */
export function useOpenMajor() {
  return useProgramMutation((body: MajorBody) =>
    legacyApi<{ major: Major }>('/api/majors', { method: 'POST', body }),
  );
}

/** Records one year's intake and enrolment. */
export function useRecordEnrolment() {
  return useProgramMutation(
    ({ id, ...body }: { id: string; year: number; intake: number; enrolled: number }) =>
      legacyApi<{ major: Major }>(`/api/majors/${enc(id)}/enrolment`, { method: 'POST', body }),
  );
}

/** Replaces the national standards a major applies. */
export function useSetStandards() {
  return useProgramMutation(
    ({
      id,
      standards,
    }: {
      id: string;
      standards: Array<{ standard: NationalStandard; adoptedOn: string; note: string }>;
    }) =>
      legacyApi<{ major: Major }>(`/api/majors/${enc(id)}/standards`, { method: 'PUT', body: { standards } }),
  );
}
