import type { ApiResponse } from '@/lib/api-client';

/** Shapes of the programs API, named by their routes. */
export type Major = ApiResponse<'get', '/api/majors/{id}'>['major'];
export type CatalogueEntry = ApiResponse<'get', '/api/programs/catalogue'>['items'][number];
export type Course = ApiResponse<'get', '/api/courses/{id}'>['course'];
export type ProjectSummary = ApiResponse<'get', '/api/program-projects'>['items'][number];
export type ProjectDetail = ApiResponse<'get', '/api/program-projects/{id}'>['project'];
export type Resource = ApiResponse<'get', '/api/teaching-resources/{id}'>['resource'];
export type ProgramSettings = ApiResponse<'get', '/api/programs/settings'>;
