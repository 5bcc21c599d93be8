import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { readSingleFile } from '../../platform/http/multipart-file.ts';
import { IdParams, Nullable, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  CatalogueBody,
  CatalogueListQuery,
  CatalogueSchema,
  CreditAccountSchema,
  DecisionReasonBody,
  ImportResultSchema,
  OutcomeBody,
  OutcomeDetailSchema,
  OutcomeListItemSchema,
  OutcomeListQuery,
  OutcomeSchema,
  RecognitionBody,
} from './credit-bank.schema.ts';
import type { LearnersModule } from './index.ts';

const tags = ['credit-bank'];
const Outcome = Type.Object({ outcome: OutcomeDetailSchema });
const Catalogue = Type.Object({ catalogue: CatalogueSchema });
const Xlsx = fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx);

/**
 * The credit bank (学分银行): learners' outcomes recorded by their school (by hand, or 1+X results
 * by import), recognised, refused or revoked by the district, each learner's account, and the
 * district's learning-outcome catalogue in versions.
 */
export const creditBankRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m, deps } = options;
  const maxBytes = deps.config.uploadMaxBytes;

  app.get(
    '/api/learners/:id/outcomes',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'A learner’s learning outcomes, oldest achieved first',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(OutcomeSchema) }) }),
      },
    },
    async (request) => ({ items: await m.creditBank.listLearnerOutcomes(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/learners/:id/outcomes',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'Record a learning outcome of one of the school’s learners (its own clerk; 待认定)',
        params: IdParams,
        body: OutcomeBody,
        response: withErrors({ 201: Outcome }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        outcome: await m.creditBank.recordOutcome(request.actor!, request.params.id, request.body),
      }),
  );

  app.get(
    '/api/learners/:id/credit-account',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'A learner’s credit-bank account: balance (sum of the entries, tenths) and entries',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ account: CreditAccountSchema }) }),
      },
    },
    async (request) => ({ account: await m.creditBank.getCreditAccount(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/learning-outcomes',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'Outcomes of the learners the actor sees (e.g. the district’s 待认定 queue), paged',
        querystring: OutcomeListQuery,
        response: withErrors({
          200: Type.Object({ items: Type.Array(OutcomeListItemSchema), total: Type.Integer() }),
        }),
      },
    },
    async (request) => m.creditBank.listOutcomes(request.actor!, request.query),
  );

  app.get(
    '/api/learning-outcomes/import-template.xlsx',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'The blank 1+X results import template (.xlsx)',
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (_request, reply) =>
      sendFile(reply, {
        body: await m.creditBank.certificateResultsTemplate(),
        mediaType: MEDIA_TYPES.xlsx,
        filename: '1+X证书结果导入模板.xlsx',
      }),
  );

  app.post(
    '/api/learning-outcomes/imports',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'Import 1+X certificate results from .xlsx for the school’s learners (by ID number; all or nothing; per-row errors; idempotent)',
        consumes: ['multipart/form-data'],
        response: withErrors({ 200: ImportResultSchema, 413: Type.Unknown() }),
      },
    },
    async (request) => {
      const file = await readSingleFile(request, maxBytes, {
        zh: '请选择要导入的文件',
        en: 'No file in the request',
      });
      return m.creditBank.importCertificateResults(request.actor!, file);
    },
  );

  app.get(
    '/api/learning-outcomes/:id',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'One learning outcome with its recognitions',
        params: IdParams,
        response: withErrors({ 200: Outcome }),
      },
    },
    async (request) => ({ outcome: await m.creditBank.getOutcome(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/learning-outcomes/:id/recognition-check',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'What recognising the outcome today would do: the catalogue’s suggested credits, or every reason it would be refused',
        params: IdParams,
        response: withErrors({
          200: Type.Object({
            recognisable: Type.Boolean(),
            suggestedCredits: Nullable(
              Type.Integer({ description: 'Tenths of a credit; null when not recognisable' }),
            ),
            reasons: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
          }),
        }),
      },
    },
    async (request) => m.creditBank.checkRecognition(request.actor!, request.params.id),
  );

  app.post(
    '/api/learning-outcomes/:id/recognition',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Recognise (认定) a pending outcome against the catalogue: its credits post to the account',
        params: IdParams,
        body: RecognitionBody,
        response: withErrors({ 200: Outcome }),
      },
    },
    async (request) => ({
      outcome: await m.creditBank.recogniseLearningOutcome(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/learning-outcomes/:id/refusal',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Refuse (不予认定) a pending outcome, with the reason',
        params: IdParams,
        body: DecisionReasonBody,
        response: withErrors({ 200: Outcome }),
      },
    },
    async (request) => ({
      outcome: await m.creditBank.refuseLearningOutcome(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/learning-outcomes/:id/revocation',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Revoke (撤销) a recognised outcome, with the reason: reversing entries undo its credits',
        params: IdParams,
        body: DecisionReasonBody,
        response: withErrors({ 200: Outcome }),
      },
    },
    async (request) => ({
      outcome: await m.creditBank.revokeLearningOutcome(request.actor!, request.params.id, request.body),
    }),
  );

  app.get(
    '/api/outcome-catalogues',
    {
      config: { permission: ['learner.read', 'creditBank.review'] },
      schema: {
        tags,
        summary: 'The district’s learning-outcome catalogue (学习成果名录) versions, newest first',
        querystring: CatalogueListQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(CatalogueSchema) }) }),
      },
    },
    async (request) => ({ items: await m.creditBank.listCatalogues(request.actor!, request.query) }),
  );

  app.get(
    '/api/outcome-catalogues/:id',
    {
      config: { permission: ['learner.read', 'creditBank.review'] },
      schema: {
        tags,
        summary: 'One version of the district’s learning-outcome catalogue',
        params: IdParams,
        response: withErrors({ 200: Catalogue }),
      },
    },
    async (request) => ({ catalogue: await m.creditBank.getCatalogue(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/outcome-catalogues',
    {
      config: { permission: 'creditBank.review' },
      schema: {
        tags,
        summary: 'Publish the next version of the district’s catalogue for a year (the district’s reviewer)',
        body: CatalogueBody,
        response: withErrors({ 201: Catalogue }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ catalogue: await m.creditBank.createCatalogueVersion(request.actor!, request.body) }),
  );
};
