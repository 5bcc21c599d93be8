import { postForm } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

/** `POST /api/teachers/imports`: imports the register .xlsx (all or nothing; per-row problems). */
export function importTeachers(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm('/api/teachers/imports', form);
}

export function useImportTeachers() {
  return useTeacherMutation(importTeachers);
}
