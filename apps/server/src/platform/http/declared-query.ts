import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Drops every query parameter a route does not declare, before validation. A service may then
 * merge the query into a filter without an undeclared `?unitIds=` or `?districtId=` reaching it
 * (a query spread after the actor's scope once widened it). A route without a querystring schema
 * gets no query at all.
 */
export const declaredQuery = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (!query || typeof query !== 'object') return;
    const schema = request.routeOptions.schema?.querystring as
      { properties?: Record<string, unknown> } | undefined;
    const declared = new Set(Object.keys(schema?.properties ?? {}));
    for (const key of Object.keys(query)) if (!declared.has(key)) delete query[key];
  });
});
