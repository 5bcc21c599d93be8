import type { ApiResponse } from '@/lib/api-client';

/** Shapes of the org API (`/api/org-units`, `/api/admin/users`), named by route. */
export type OrgUnit = ApiResponse<'get', '/api/org-units'>['items'][number];
export type AdminUser = ApiResponse<'get', '/api/admin/users'>['items'][number];
