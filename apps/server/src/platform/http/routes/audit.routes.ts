import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { auditActorOf } from '../../auth/actor.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import { verifyAuditChain } from '../../audit/audit-verify.ts';
import type { Database } from '../../db/database.types.ts';
import { Nullable, Timestamp, withErrors } from '../schemas.ts';

const AuditRow = Type.Object({
  seq: Type.Number(),
  at: Timestamp,
  actorName: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  result: Type.String(),
  ip: Nullable(Type.String()),
  details: Type.Unknown(),
});

/** The audit log, for the audit administrator: read and verify, never change. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database>; audit: AuditLog }> = async (
  app,
  opts,
) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: Type.Object({
          action: Type.Optional(Type.String({ maxLength: 64 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          result: Type.Optional(
            Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
          ),
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'Page: rows with seq below this' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: withErrors({ 200: Type.Object({ items: Type.Array(AuditRow) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      let query = opts.db
        .selectFrom('auditLog')
        .select(['seq', 'at', 'actorName', 'action', 'objectType', 'objectId', 'result', 'ip', 'details'])
        .orderBy('seq', 'desc')
        .limit(q.limit);
      if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_]/g, '')}%`);
      if (q.actor) query = query.where('actorName', '=', q.actor);
      if (q.result) query = query.where('result', '=', q.result);
      if (q.from) query = query.where('at', '>=', new Date(`${q.from}T00:00:00+08:00`));
      if (q.to) query = query.where('at', '<', new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000));
      if (q.before) query = query.where('seq', '<', q.before);
      return { items: await query.execute() };
    },
  );

  app.post(
    '/api/audit/verification',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log',
        response: withErrors({
          200: Type.Object({
            ok: Type.Boolean(),
            rows: Type.Number(),
            headSeq: Type.Number(),
            headHash: Type.String(),
            problems: Type.Array(
              Type.Object({ seq: Type.Number(), problem: Type.String(), message: Type.String() }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const result = await verifyAuditChain(opts.db);
      await opts.db.transaction().execute((trx) =>
        opts.audit.record(trx, auditActorOf(request.actor), {
          action: 'audit.verify',
          result: result.ok ? 'success' : 'failure',
          details: { rows: result.rows, problems: result.problems.length },
        }),
      );
      return result;
    },
  );
};
