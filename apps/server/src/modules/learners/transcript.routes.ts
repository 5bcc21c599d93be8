import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import { IssuedTranscriptSchema, TranscriptSchema } from './transcript.schema.ts';

const tags = ['learners'];

/** A learner's transcript (成绩单 / 学分档案): read, and issued as a credential anyone can verify. */
export const transcriptRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.get(
    '/api/learners/:id/transcript',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'A learner’s transcript: the register’s facts (ID masked), recognised outcomes with their credits, approved conversions and totals from the credit account',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ transcript: TranscriptSchema }) }),
      },
    },
    async (request) => ({ transcript: await m.transcript.getTranscript(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/learners/:id/transcript/credential',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'Issue the learner’s transcript as of now as a signed Open Badges 3.0 credential (VC-JWT) for the holder (the school’s clerk or the district’s reviewer)',
        params: IdParams,
        response: withErrors({ 200: IssuedTranscriptSchema }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return m.transcript.issueTranscriptCredential(request.actor!, request.params.id);
    },
  );
};
