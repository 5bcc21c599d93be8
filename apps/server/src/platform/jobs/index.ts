/** Background jobs: the in-process runner, the read service and the `GET /api/jobs/:id` route. */
export { createJobRunner, type JobContext, type JobHandler, type JobRunner } from './job-runner.ts';
export { createJobsService, type JobsService } from './jobs.service.ts';
export { jobsRoutes, JobSchema } from './jobs.routes.ts';
