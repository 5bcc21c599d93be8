export { createOrgService, type OrgService } from './org.service.ts';
export { createUsersService, type UsersService } from './users.service.ts';
export { orgRoutes } from './org.routes.ts';
export { findOrgUnitsByIds } from './org.repository.ts';
