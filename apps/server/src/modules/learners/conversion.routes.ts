import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  ConversionApplicationBody,
  ConversionQueueItemSchema,
  ConversionQueueQuery,
  ReversalBody,
  ConversionRuleBody,
  ConversionRuleSchema,
  ConversionSchema,
} from './conversion.schema.ts';
import { DecisionReasonBody } from './credit-bank.schema.ts';
import type { LearnersModule } from './index.ts';

const tags = ['credit-bank'];
const Conversion = Type.Object({ conversion: ConversionSchema });

/** Conversion (转换): schools' rules, applications for a learner, the district's approval or refusal. */
export const conversionRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;

  app.get(
    '/api/conversion-rules',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'Conversion rules of the schools the actor sees, newest first',
        response: withErrors({ 200: Type.Object({ items: Type.Array(ConversionRuleSchema) }) }),
      },
    },
    async (request) => ({ items: await m.conversion.listConversionRules(request.actor!) }),
  );

  app.post(
    '/api/conversion-rules',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'Publish a conversion rule of the clerk’s own school (never changed afterwards)',
        body: ConversionRuleBody,
        response: withErrors({ 201: Type.Object({ rule: ConversionRuleSchema }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ rule: await m.conversion.createConversionRule(request.actor!, request.body) }),
  );

  app.get(
    '/api/learners/:id/conversions',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'A learner’s conversions (applied, approved, refused), oldest first',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(ConversionSchema) }) }),
      },
    },
    async (request) => ({
      items: await m.conversion.listLearnerConversions(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/learners/:id/conversions',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'Apply for a learner’s conversion under a rule (checked and explained; 409 with every reason)',
        params: IdParams,
        body: ConversionApplicationBody,
        response: withErrors({ 201: Conversion }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        conversion: await m.conversion.applyForConversion(request.actor!, request.params.id, request.body),
      }),
  );

  app.get(
    '/api/credit-conversions',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'Conversions in a status (default applied: 待审转换), oldest first: the district’s reviewer sees the district’s, a school’s clerk its own school’s',
        querystring: ConversionQueueQuery,
        response: withErrors({
          200: Type.Object({ items: Type.Array(ConversionQueueItemSchema), total: Type.Integer() }),
        }),
      },
    },
    async (request) =>
      m.conversion.listConversionQueue(request.actor!, {
        ...request.query,
        status: request.query.status ?? 'applied',
      }),
  );

  app.post(
    '/api/credit-conversions/:id/reverse',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary:
          'Reverse an approved conversion (撤销转换) with a reason: a reversing ledger entry gives its credits back; audited',
        params: IdParams,
        body: ReversalBody,
        response: withErrors({ 200: Conversion }),
      },
    },
    async (request) => ({
      conversion: await m.conversion.reverseConversion(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/credit-conversions/:id/approval',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Approve a conversion (checked again): the convert entry uses the outcome’s credits',
        params: IdParams,
        response: withErrors({ 200: Conversion }),
      },
    },
    async (request) => ({
      conversion: await m.conversion.approveConversion(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/credit-conversions/:id/refusal',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Refuse a conversion application, with the reason',
        params: IdParams,
        body: DecisionReasonBody,
        response: withErrors({ 200: Conversion }),
      },
    },
    async (request) => ({
      conversion: await m.conversion.refuseConversion(request.actor!, request.params.id, request.body),
    }),
  );
};
