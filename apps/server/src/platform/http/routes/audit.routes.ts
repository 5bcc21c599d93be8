import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Bound } from '../../modules/use-cases.ts';
import type * as auditService from '../../audit/audit.service.ts';
import {
  AuditCheckpointsSchema,
  AuditEntrySchema,
  AuditQuery,
  AuditVerificationSchema,
} from '../../audit/audit.schema.ts';
import { withErrors } from '../schemas.ts';

/** The audit log's read service (`platform/audit/audit.service.ts`), bound. */
export type AuditService = Bound<auditService.AuditServiceDeps, typeof auditService>;

/** The audit log, for the audit administrator: read, verify and see the checkpoints, never change. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ auditLog: AuditService }> = async (
  app,
  { auditLog },
) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: AuditQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(AuditEntrySchema) }) }),
      },
    },
    async (request) => ({ items: await auditLog.listEntries(request.query) }),
  );

  app.post(
    '/api/audit/verification',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log',
        response: withErrors({ 200: AuditVerificationSchema }),
      },
    },
    async (request) => auditLog.verify(request.actor ?? null),
  );

  app.get(
    '/api/audit/checkpoints',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Signed checkpoints of the chain head (kept outside the database) and the last verification',
        response: withErrors({ 200: AuditCheckpointsSchema }),
      },
    },
    async () => auditLog.listCheckpoints(),
  );
};
