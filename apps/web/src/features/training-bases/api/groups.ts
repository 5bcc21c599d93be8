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
  '/api/vet-group-programmes/{id}/linkable-enrollment-programs'
>['items'][number];

/** `GET /api/vet-group-programmes/{id}/linkable-enrollment-programs`: 中职 programs of its year at its schools. */
export async function getLinkableEnrollmentPrograms(programmeId: string) {
  return (
    await api.get('/api/vet-group-programmes/{id}/linkable-enrollment-programs', {
      path: { id: programmeId },
    })
  ).items;
}
export const useLinkableEnrollmentPrograms = (groupId: string, programmeId: string, enabled: boolean) =>
  useQuery({
    queryKey: trainingBaseKeys.linkable(groupId, programmeId),
    queryFn: () => getLinkableEnrollmentPrograms(programmeId),
    enabled,
  });

/** `PUT /api/vet-group-programmes/{id}/enrollment-link` (null clears the link); the programme's group. */
export async function linkProgramme({
  programmeId,
  enrollmentProgramId,
}: {
  programmeId: string;
  enrollmentProgramId: string | null;
}) {
  return (
    await api.put('/api/vet-group-programmes/{id}/enrollment-link', {
      path: { id: programmeId },
      body: { enrollmentProgramId },
    })
  ).group;
}
export const useLinkProgramme = () => useTrainingBaseMutation(linkProgramme);
