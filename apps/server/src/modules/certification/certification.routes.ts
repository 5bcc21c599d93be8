import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { CertificationModule } from './index.ts';
import {
  ApplicationQuery,
  ApplicationSchema,
  ApplicationSummarySchema,
  ApplyBody,
  DecisionBody,
  IncentiveBody,
  IncentiveListSchema,
  IncentiveQuery,
  IncentiveSchema,
  OpinionBody,
  ReasonBody,
  RecheckBody,
} from './certification.schema.ts';

const tags = ['certification'];
const Application = Type.Object({ application: ApplicationSchema });
const one = withErrors({ 200: Application });

/** 产教融合型企业: applications, the 会签单, decisions, re-checks, revocation, and the incentive ledger. */
export const certificationRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<CertificationModule>> = async (
  app,
  { services: { applications, incentives } },
) => {
  app.get(
    '/api/certification/applications',
    {
      config: { permission: 'certification.read' },
      schema: {
        tags,
        summary: 'Applications the actor sees (an enterprise: its own; the bureaus: the district’s)',
        querystring: ApplicationQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(ApplicationSummarySchema) }) }),
      },
    },
    async (request) => ({ items: await applications.listApplications(request.actor!, request.query) }),
  );

  app.get(
    '/api/certification/applications/:id',
    {
      config: { permission: 'certification.read' },
      schema: {
        tags,
        summary:
          'One application: the 会签单, the criteria table (snapshot once decided), re-checks, history',
        params: IdParams,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.getApplication(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/certification/applications',
    {
      config: { permission: 'certification.apply' },
      schema: {
        tags,
        summary: 'Apply for a year (the enterprise, or 区工信局 naming the enterprise)',
        body: ApplyBody,
        response: withErrors({ 201: Application }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ application: await applications.applyForCertification(request.actor!, request.body) }),
  );

  /** A step of the procedure on one application (`certification.review`): its body, the application after it. */
  const step = <Body extends TSchema>(
    method: 'PUT' | 'POST',
    path: string,
    summary: string,
    body: Body,
    take: (actor: Actor, id: string, input: Static<Body>) => ReturnType<typeof applications.getApplication>,
  ) =>
    app.route({
      method,
      url: `/api/certification/applications/:id/${path}`,
      config: { permission: 'certification.review' },
      schema: { tags, summary, params: IdParams, body, response: one },
      handler: async (request) => ({
        application: await take(request.actor!, request.params.id, request.body as Static<Body>),
      }),
    });

  step(
    'PUT',
    'opinion',
    'The acting bureau’s line on the 会签单 (agree / disagree with a reason; not the applying unit’s: 回避)',
    OpinionBody,
    applications.giveOpinion,
  );
  step(
    'POST',
    'certification',
    'Certify (区发改科技局): 409 while a bureau has not signed or disagrees, or a criterion is unmet',
    DecisionBody,
    applications.certify,
  );
  step('POST', 'refusal', 'Refuse with a reason (区发改科技局)', ReasonBody, applications.refuse);
  step(
    'POST',
    'rechecks',
    'Record the yearly re-check with the criteria measured on its day (区发改科技局)',
    RecheckBody,
    applications.recheck,
  );
  step(
    'POST',
    'revocation',
    'Revoke a certification with a reason (区发改科技局)',
    ReasonBody,
    applications.revoke,
  );

  app.get(
    '/api/certification/incentives',
    {
      config: { permission: 'certification.read' },
      schema: {
        tags,
        summary: 'The incentive ledger in scope, with totals per enterprise, kind and year',
        querystring: IncentiveQuery,
        response: withErrors({ 200: IncentiveListSchema }),
      },
    },
    async (request) => incentives.listIncentives(request.actor!, request.query),
  );

  app.get(
    '/api/certification/incentives/export.xlsx',
    {
      config: { permission: 'certification.read' },
      schema: {
        tags,
        summary: 'The incentive ledger as .xlsx, same scope and filters; audited',
        querystring: IncentiveQuery,
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await incentives.exportIncentives(request.actor!, request.query, requestLang(request))),
  );

  app.post(
    '/api/certification/incentives',
    {
      config: { permission: 'certification.incentive' },
      schema: {
        tags,
        summary:
          'Record an incentive granted by the acting bureau; 409 when the enterprise was not certified that day',
        body: IncentiveBody,
        response: withErrors({ 201: Type.Object({ incentive: IncentiveSchema }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ incentive: await incentives.grantIncentive(request.actor!, request.body) }),
  );
};
