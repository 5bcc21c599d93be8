import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { JOB_STATES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { IdParams, literals, Nullable, Timestamp, withErrors } from '../http/schemas.ts';
import type { JobsService } from './jobs.service.ts';

/** A background job as the API shows it. */
export const JobSchema = Type.Object({
  id: Type.String({ description: 'Job id' }),
  kind: Type.String({ description: 'What the job does, e.g. enrollment.match' }),
  state: literals(JOB_STATES),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'Percent done' }),
  result: Type.Unknown({ description: 'What the job produced (kind-specific JSON), once succeeded' }),
  error: Nullable(
    Type.Object(
      {
        code: Type.String({ description: 'Stable error code' }),
        message: Type.String({ description: 'Chinese message' }),
        messageEn: Type.String({ description: 'English message' }),
      },
      { description: 'Why the job failed' },
    ),
  ),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});

/** `GET /api/jobs/:id`: a job's progress, for the page that started it. */
export const jobsRoutes: FastifyPluginAsyncTypebox<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: 'A background job’s state and progress (visible to its owner and their unit’s scope)',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ job: JobSchema }) }),
      },
    },
    async (request) => ({ job: await jobs.getJob(request.actor!, request.params.id) }),
  );
};
