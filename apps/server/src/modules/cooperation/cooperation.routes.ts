import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { CooperationModule } from './index.ts';
import {
  AgreementBody,
  AgreementQuery,
  AgreementSchema,
  ApprenticeshipBody,
  ApprenticeshipQuery,
  ApprenticeshipSchema,
  CentreBody,
  CentreQuery,
  CentreSchema,
  ClosureBody,
  CompletionBody,
  EndBody,
  Items,
  ProjectBody,
  ProjectParams,
  ReturnBody,
  StageCompletionBody,
  TerminationBody,
} from './cooperation.schema.ts';

const tags = ['cooperation'];
const read = { permission: 'cooperation.read' } as const;
const manage = { permission: 'cooperation.manage' } as const;

/** 校企合作协议: a school's agreements with enterprises. */
export const agreementRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<CooperationModule>> = async (
  app,
  { services: { agreements } },
) => {
  const One = Type.Object({ agreement: AgreementSchema });
  const one = (summary: string) => ({ tags, summary, params: IdParams, response: withErrors({ 200: One }) });

  app.get(
    '/api/cooperation-agreements',
    {
      config: read,
      schema: {
        tags,
        summary: 'Agreements the actor sees (its school’s, or those its enterprise is party to)',
        querystring: AgreementQuery,
        response: withErrors({ 200: Items(AgreementSchema) }),
      },
    },
    async (request) => agreements.listAgreements(request.actor!, request.query),
  );

  app.get(
    '/api/cooperation-agreements/:id',
    { config: read, schema: one('One agreement') },
    async (request) => ({
      agreement: await agreements.getAgreement(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/cooperation-agreements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record an agreement of the actor’s school with an enterprise',
        body: AgreementBody,
        response: withErrors({ 201: One }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ agreement: await agreements.createAgreement(request.actor!, request.body) }),
  );

  app.put(
    '/api/cooperation-agreements/:id',
    { config: manage, schema: { ...one('Edit an agreement in force'), body: AgreementBody } },
    async (request) => ({
      agreement: await agreements.updateAgreement(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/cooperation-agreements/:id/termination',
    {
      config: manage,
      schema: { ...one('Terminate an agreement, with the date and reason'), body: TerminationBody },
    },
    async (request) => ({
      agreement: await agreements.terminateAgreement(request.actor!, request.params.id, request.body),
    }),
  );
};

/** 学徒制: apprenticeships under agreements, approved by the school and then the enterprise. */
export const apprenticeshipRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<CooperationModule>> = async (
  app,
  { services: { apprenticeships } },
) => {
  const One = Type.Object({ apprenticeship: ApprenticeshipSchema });
  const one = (summary: string) => ({ tags, summary, params: IdParams, response: withErrors({ 200: One }) });
  const ListItem = Type.Omit(ApprenticeshipSchema, ['stages', 'history', 'approvalCheck']);

  app.get(
    '/api/apprenticeships',
    {
      config: read,
      schema: {
        tags,
        summary: 'Apprenticeships the actor sees',
        querystring: ApprenticeshipQuery,
        response: withErrors({ 200: Items(ListItem) }),
      },
    },
    async (request) => apprenticeships.listApprenticeships(request.actor!, request.query),
  );

  app.get(
    '/api/apprenticeships/:id',
    { config: read, schema: one('One apprenticeship with its stages, history and approval check') },
    async (request) => ({
      apprenticeship: await apprenticeships.getApprenticeship(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/apprenticeships',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Write a draft apprenticeship under one of the actor’s school’s agreements',
        body: ApprenticeshipBody,
        response: withErrors({ 201: One }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ apprenticeship: await apprenticeships.createApprenticeship(request.actor!, request.body) }),
  );

  app.put(
    '/api/apprenticeships/:id',
    { config: manage, schema: { ...one('Edit a draft'), body: ApprenticeshipBody } },
    async (request) => ({
      apprenticeship: await apprenticeships.updateApprenticeship(
        request.actor!,
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/school-approval',
    { config: manage, schema: one('The school’s approval (学校审批); 409 with every reason it cannot') },
    async (request) => ({
      apprenticeship: await apprenticeships.approveApprenticeship(
        request.actor!,
        request.params.id,
        'school',
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/enterprise-approval',
    { config: manage, schema: one('The enterprise’s approval (企业审批); 409 with every reason it cannot') },
    async (request) => ({
      apprenticeship: await apprenticeships.approveApprenticeship(
        request.actor!,
        request.params.id,
        'enterprise',
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/return',
    {
      config: manage,
      schema: { ...one('The enterprise returns it to the school, with the reason'), body: ReturnBody },
    },
    async (request) => ({
      apprenticeship: await apprenticeships.returnApprenticeship(
        request.actor!,
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/stage-completion',
    { config: manage, schema: { ...one('Record a training stage done'), body: StageCompletionBody } },
    async (request) => ({
      apprenticeship: await apprenticeships.completeApprenticeshipStage(
        request.actor!,
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/completion',
    {
      config: manage,
      schema: { ...one('Record its completion (结业); 409 while a stage is open'), body: CompletionBody },
    },
    async (request) => ({
      apprenticeship: await apprenticeships.completeApprenticeship(
        request.actor!,
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/apprenticeships/:id/termination',
    { config: manage, schema: { ...one('Terminate it, with the reason'), body: EndBody } },
    async (request) => ({
      apprenticeship: await apprenticeships.terminateApprenticeship(
        request.actor!,
        request.params.id,
        request.body,
      ),
    }),
  );
};

/** 协同创新中心 and 教学工厂 with their projects. */
export const centreRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<CooperationModule>> = async (
  app,
  { services: { centres } },
) => {
  const One = Type.Object({ centre: CentreSchema });
  const one = (summary: string) => ({ tags, summary, params: IdParams, response: withErrors({ 200: One }) });

  app.get(
    '/api/cooperation-centres',
    {
      config: read,
      schema: {
        tags,
        summary: 'Innovation centres and teaching factories the actor sees',
        querystring: CentreQuery,
        response: withErrors({ 200: Items(CentreSchema) }),
      },
    },
    async (request) => centres.listCentres(request.actor!, request.query),
  );

  app.get(
    '/api/cooperation-centres/:id',
    { config: read, schema: one('One centre with its projects') },
    async (request) => ({
      centre: await centres.getCentre(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/cooperation-centres',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a centre or teaching factory of the actor’s school',
        body: CentreBody,
        response: withErrors({ 201: One }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ centre: await centres.createCentre(request.actor!, request.body) }),
  );

  app.put(
    '/api/cooperation-centres/:id',
    { config: manage, schema: { ...one('Edit a centre in operation'), body: CentreBody } },
    async (request) => ({
      centre: await centres.updateCentre(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/cooperation-centres/:id/closure',
    {
      config: manage,
      schema: { ...one('Record its closure (停办), with the date and reason'), body: ClosureBody },
    },
    async (request) => ({
      centre: await centres.closeCentre(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/cooperation-centres/:id/projects',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a project',
        params: IdParams,
        body: ProjectBody,
        response: withErrors({ 201: One }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ centre: await centres.saveProject(request.actor!, request.params.id, request.body) }),
  );

  app.put(
    '/api/cooperation-centres/:id/projects/:projectId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a project',
        params: ProjectParams,
        body: ProjectBody,
        response: withErrors({ 200: One }),
      },
    },
    async (request) => ({
      centre: await centres.saveProject(
        request.actor!,
        request.params.id,
        request.body,
        request.params.projectId,
      ),
    }),
  );
};
