import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  CreateResourceBody,
  ResourceBody,
  ResourceQuery,
  ResourceSchema,
  SearchResultSchema,
  SharingDecisionBody,
} from './resources.schema.ts';
import type { ProgramsModule } from './index.ts';

const tags = ['programs'];
const Resource = Type.Object({ resource: ResourceSchema });

/**
 * Sends a resource's file. Inline only for the types the service allows (PDF, images, by magic
 * bytes at upload); a sandboxing content policy and no caching either way.
 */
function sendResource(
  reply: FastifyReply,
  file: Awaited<ReturnType<ProgramsModule['resources']['openFile']>>,
) {
  const csp = file.mime.startsWith('image/')
    ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    : "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'";
  reply
    .header('content-security-policy', csp)
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store');
  return sendFile(reply, {
    body: file.stream,
    mediaType: file.mime,
    filename: file.name,
    size: file.size,
    inline: file.inline,
  });
}

const ResourceFile = fileResponse('The resource’s file', MEDIA_TYPES.any);

/** 教学资源库: search, describe, share and fetch teaching resources. */
export const resourcesRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ProgramsModule>> = async (
  app,
  { services: { resources } },
) => {
  app.get(
    '/api/teaching-resources',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary:
          'Search the resources the actor sees (own school’s and district-shared): every word must occur; title matches first, then newest',
        querystring: ResourceQuery,
        response: withErrors({ 200: SearchResultSchema }),
      },
    },
    async (request) => resources.search(request.actor!, request.query),
  );

  app.get(
    '/api/teaching-resources/:id',
    {
      config: { permission: 'program.read' },
      schema: { tags, summary: 'One resource', params: IdParams, response: withErrors({ 200: Resource }) },
    },
    async (request) => ({ resource: await resources.getResource(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/teaching-resources/:id/preview',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'View the file: PDF and images inline, anything else as a download (counted, audited)',
        params: IdParams,
        response: withErrors({ 200: ResourceFile }),
      },
    },
    async (request, reply) =>
      sendResource(reply, await resources.openFile(request.actor!, request.params.id, 'preview')),
  );

  app.get(
    '/api/teaching-resources/:id/download',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Download the file as an attachment (counted, audited)',
        params: IdParams,
        response: withErrors({ 200: ResourceFile }),
      },
    },
    async (request, reply) =>
      sendResource(reply, await resources.openFile(request.actor!, request.params.id, 'download')),
  );

  app.post(
    '/api/teaching-resources',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Describe an uploaded file as a resource of a school (seen by the school until shared)',
        body: CreateResourceBody,
        response: withErrors({ 201: Resource }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ resource: await resources.createResource(request.actor!, request.body) }),
  );

  app.put(
    '/api/teaching-resources/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Edit a resource (a shared one goes back to review)',
        params: IdParams,
        body: ResourceBody,
        response: withErrors({ 200: Resource }),
      },
    },
    async (request) => ({
      resource: await resources.updateResource(request.actor!, request.params.id, request.body),
    }),
  );

  app.delete(
    '/api/teaching-resources/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Delete a resource',
        params: IdParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await resources.deleteResource(request.actor!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/teaching-resources/:id/sharing-request',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Ask the district to share it district-wide',
        params: IdParams,
        response: withErrors({ 200: Resource }),
      },
    },
    async (request) => ({ resource: await resources.requestSharing(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/teaching-resources/:id/sharing-decision',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Share district-wide, or refuse with a reason',
        params: IdParams,
        body: SharingDecisionBody,
        response: withErrors({ 200: Resource }),
      },
    },
    async (request) => ({
      resource: await resources.reviewSharing(request.actor!, request.params.id, request.body),
    }),
  );
};
