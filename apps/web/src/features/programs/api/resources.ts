import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResourceLicence, ResourceShareState, ResourceType } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { UploadedFile } from '@/lib/api-types';
import type { Resource, SearchResult } from '../types';
import { enc, programKeys } from './keys';
import { useProgramMutation } from './mutate';

export interface ResourceFilter {
  q?: string;
  resourceType?: ResourceType;
  shareState?: ResourceShareState;
  schoolId?: string;
  offset?: number;
}

/** `GET /api/teaching-resources`: search (every word must occur) or browse, 20 a page. */
export function useResources(filter: ResourceFilter) {
  return useQuery({
    queryKey: programKeys.resources({ ...filter }),
    queryFn: () => legacyApi<SearchResult>('/api/teaching-resources', { query: { limit: 20, ...filter } }),
    placeholderData: keepPreviousData,
  });
}

/** Where the browser opens a resource's file (inline preview, or the download). */
export const resourceFileUrl = (id: string, mode: 'preview' | 'download') =>
  `/api/teaching-resources/${enc(id)}/${mode}`;

/** Uploads a file through the file guard (`POST /api/files`). */
export function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return legacyApi<UploadedFile>('/api/files', { method: 'POST', body: form, signal });
}

export interface ResourceBody {
  title: string;
  description: string;
  resourceType: ResourceType;
  licence: ResourceLicence;
  majorId?: string | null;
  courseId?: string | null;
  fileId: string;
  requestSharing: boolean;
}

/** Describes an uploaded file as a resource of the user's school. */
export function useCreateResource() {
  return useProgramMutation((body: ResourceBody) =>
    legacyApi<{ resource: Resource }>('/api/teaching-resources', { method: 'POST', body }),
  );
}

/** Asks for sharing, decides a request, or deletes. */
export function useResourceAction() {
  return useProgramMutation(
    ({
      id,
      action,
      body,
    }: {
      id: string;
      action: 'sharing-request' | 'sharing-decision' | 'delete';
      body?: unknown;
    }) =>
      action === 'delete'
        ? legacyApi(`/api/teaching-resources/${enc(id)}`, { method: 'DELETE' })
        : legacyApi<{ resource: Resource }>(`/api/teaching-resources/${enc(id)}/${action}`, {
            method: 'POST',
            body,
          }),
  );
}
