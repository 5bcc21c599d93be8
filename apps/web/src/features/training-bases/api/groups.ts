import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '@/lib/api-client';
import { trainingBaseKeys } from './keys';
import { useTrainingBaseMutation } from './mutate';

export type Group = ApiResponse<'get', '/api/vet-groups/{id}'>['group'];
export type GroupInput = ApiBody<'post', '/api/vet-groups'>;
export type ProgrammeInput = ApiBody<'post', '/api/vet-groups/{id}/programmes'>;

/** `GET /api/vet-groups`. */
export async function getGroups() {
  return (await api.get('/api/vet-groups')).items;
}
export const useGroups = () => useQuery({ queryKey: trainingBaseKeys.groups, queryFn: getGroups });

/** `GET /api/vet-groups/{id}`. */
export async function getGroup(id: string) {
  return (await api.get('/api/vet-groups/{id}', { path: { id } })).group;
}
export const useGroup = (id: string) =>
  useQuery({ queryKey: trainingBaseKeys.group(id), queryFn: () => getGroup(id) });

/** `POST /api/vet-groups` (new) or `PUT /api/vet-groups/{id}`. */
export async function saveGroup({ id, body }: { id?: string; body: GroupInput }) {
  if (id) return (await api.put('/api/vet-groups/{id}', { path: { id }, body })).group;
  return (await api.post('/api/vet-groups', { body })).group;
}
export const useSaveGroup = () => useTrainingBaseMutation(saveGroup);

/** `POST /api/vet-groups/{id}/programmes`. */
export async function addProgramme({ groupId, body }: { groupId: string; body: ProgrammeInput }) {
  return (await api.post('/api/vet-groups/{id}/programmes', { path: { id: groupId }, body })).group;
}
export const useAddProgramme = () => useTrainingBaseMutation(addProgramme);

export type LinkableEnrollmentProgram = ApiResponse<
  'get',
  '/api/vet-groups/{id}/programmes/{programmeId}/linkable-enrollment-programs'
>['items'][number];

/** `GET /api/vet-groups/{id}/programmes/{programmeId}/linkable-enrollment-programs`: 中职 programs of its year at its schools. */
export async function getLinkableEnrollmentPrograms(groupId: string, programmeId: string) {
  return (
    await api.get('/api/vet-groups/{id}/programmes/{programmeId}/linkable-enrollment-programs', {
      path: { id: groupId, programmeId },
    })
  ).items;
}
export const useLinkableEnrollmentPrograms = (groupId: string, programmeId: string, enabled: boolean) =>
  useQuery({
    queryKey: trainingBaseKeys.linkable(groupId, programmeId),
    queryFn: () => getLinkableEnrollmentPrograms(groupId, programmeId),
    enabled,
  });

/** `PUT /api/vet-groups/{id}/programmes/{programmeId}/enrollment-link` (null clears the link). */
export async function linkProgramme({
  groupId,
  programmeId,
  enrollmentProgramId,
}: {
  groupId: string;
  programmeId: string;
  enrollmentProgramId: string | null;
}) {
  return (
    await api.put('/api/vet-groups/{id}/programmes/{programmeId}/enrollment-link', {
      path: { id: groupId, programmeId },
      body: { enrollmentProgramId },
    })
  ).group;
}
export const useLinkProgramme = () => useTrainingBaseMutation(linkProgramme);
