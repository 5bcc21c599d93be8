import { download, postForm } from '@/lib/api-client';
import { useLearnerMutation } from './mutate';

/**
 * `POST /api/learners/imports`: imports students enrolled before Zhijiao into the user's own
 * school's register (all or nothing; a refused file answers every problem by row and column).
 */
export function importLearners(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm('/api/learners/imports', form);
}

export function useImportLearners() {
  return useLearnerMutation(importLearners);
}

/** `GET /api/learners/import-template`: downloads the import template (headings and an example row). */
export function downloadLearnersTemplate() {
  return download('get', '/api/learners/import-template', {}, '学籍导入模板.xlsx');
}
