import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql, type Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/database.types.ts';

/** `GET /api/health`: liveness plus a round trip to the database. */
export const healthRoutes: FastifyPluginAsyncTypebox<{
  db: Kysely<Database>;
  kind: 'pglite' | 'postgresql';
  version: string;
  startedAt: Date;
}> = async (app, opts) => {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Health check',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            version: Type.String(),
            uptimeSeconds: Type.Number(),
            databaseLatencyMs: Type.Number(),
          }),
        },
      },
    },
    async () => {
      const t0 = performance.now();
      await sql`SELECT 1`.execute(opts.db);
      return {
        status: 'ok' as const,
        database: opts.kind,
        version: opts.version,
        uptimeSeconds: Math.round((Date.now() - opts.startedAt.getTime()) / 1000),
        databaseLatencyMs: Math.round((performance.now() - t0) * 100) / 100,
      };
    },
  );
};
