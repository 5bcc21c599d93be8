import { postForm } from '@/lib/api-client';
import { useEnterpriseMutation } from './mutate';

/** `POST /api/enterprises/imports`: imports the 规上 list and staff counts (all or nothing; per-row problems). */
export function importEnterprises(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm('/api/enterprises/imports', form);
}

export function useImportEnterprises() {
  return useEnterpriseMutation(importEnterprises);
}
