import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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

  app.put(
    '/api/certification/applications/:id/opinion',
    {
      config: { permission: 'certification.review' },
      schema: {
        tags,
        summary: 'The acting bureau’s line on the 会签单 (agree / disagree with a reason)',
        params: IdParams,
        body: OpinionBody,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.giveOpinion(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/certification/applications/:id/certification',
    {
      config: { permission: 'certification.review' },
      schema: {
        tags,
        summary:
          'Certify (区发改科技局): 409 while a bureau has not signed or disagrees, or a criterion is unmet',
        params: IdParams,
        body: DecisionBody,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.certify(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/certification/applications/:id/refusal',
    {
      config: { permission: 'certification.review' },
      schema: {
        tags,
        summary: 'Refuse with a reason (区发改科技局)',
        params: IdParams,
        body: ReasonBody,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.refuse(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/certification/applications/:id/rechecks',
    {
      config: { permission: 'certification.review' },
      schema: {
        tags,
        summary: 'Record the yearly re-check with the criteria measured today (区发改科技局)',
        params: IdParams,
        body: RecheckBody,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.recheck(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/certification/applications/:id/revocation',
    {
      config: { permission: 'certification.review' },
      schema: {
        tags,
        summary: 'Revoke a certification with a reason (区发改科技局)',
        params: IdParams,
        body: ReasonBody,
        response: one,
      },
    },
    async (request) => ({
      application: await applications.revoke(request.actor!, request.params.id, request.body),
    }),
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
