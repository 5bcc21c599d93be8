import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { MODULES } from './modules.ts';
import { listOrgUnitInfo } from './modules/org/index.ts';
import { createCheckpointStore, createCheckpointWriter } from './platform/audit/audit-checkpoint.ts';
import { createAuditLog } from './platform/audit/audit-log.ts';
import * as auditLog from './platform/audit/audit.service.ts';
import { createAuthService } from './platform/auth/auth.service.ts';
import { createCredentialIssuing } from './platform/credentials/index.ts';
import { findUserById } from './platform/auth/users.repository.ts';
import type { Clock } from './platform/clock/clock.ts';
import type { Config } from './platform/config/config.ts';
import { fastifyTrustProxy, isSecureDeployment } from './platform/config/config.ts';
import type { FieldCrypto } from './platform/crypto/field-crypto.ts';
import type { DatabaseKind } from './platform/db/database.ts';
import type { Database } from './platform/db/database.types.ts';
import { handleError } from './platform/errors/error-handler.ts';
import { clientView } from './platform/http/openapi-document.ts';
import { ErrorResponseSchema } from './platform/http/schemas.ts';
import { createDocumentRenderer, type ClosableDocumentRenderer } from './platform/documents/index.ts';
import { relayRecordsChanged } from './platform/events/cross-process-events.ts';
import { DomainEvents } from './platform/events/domain-events.ts';
import { AttachmentOwners } from './platform/files/attachments.ts';
import { createFileStore } from './platform/files/file-store.ts';
import { authHooks } from './platform/http/auth-hooks.ts';
import { declaredQuery } from './platform/http/declared-query.ts';
import { setSecurityHeaders, staticCacheControl } from './platform/http/security-headers.ts';
import { buildSerializer, buildValidator } from './platform/http/schema-compilers.ts';
import type { RegisteredRoute } from './platform/http/route-permission.ts';
import { auditRoutes } from './platform/http/routes/audit.routes.ts';
import { credentialsRoutes } from './platform/http/routes/credentials.routes.ts';
import { authRoutes } from './platform/http/routes/auth.routes.ts';
import { filesRoutes } from './platform/http/routes/files.routes.ts';
import { healthRoutes } from './platform/http/routes/health.routes.ts';
import { searchRoutes } from './platform/http/routes/search.routes.ts';
import { todosRoutes } from './platform/http/routes/todos.routes.ts';
import { MetricRegistry } from './platform/metrics/metric-registry.ts';
import { AlertSources } from './platform/alerts/alert-sources.ts';
import { SearchSources } from './platform/search/search-sources.ts';
import { ReadCache } from './platform/cache/read-cache.ts';
import { TodoSources } from './platform/todos/todo-sources.ts';
import { createJobRunner, createJobsService, jobsRoutes } from './platform/jobs/index.ts';
import {
  createNotificationPublisher,
  notificationsRoutes,
  notificationsUseCases,
} from './platform/notifications/index.ts';
import { buildModules, registerModuleRoutes, type BuiltModules } from './platform/modules/module-registry.ts';
import type { PlatformDeps } from './platform/modules/module-definition.ts';
import { bindUseCases } from './platform/modules/use-cases.ts';

export const VERSION = '0.1.0';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  clock: Clock;
  crypto: FieldCrypto;
  /** Built web app to serve; null in tests that need only the API. */
  webRoot?: string | null;
  logger?: boolean | object;
}

/** The platform's services, shared by every module. */
/** How long a cached todo list serves at most when no write has said it changed. */
const TODO_CACHE_TTL_MS = 60_000;

function createPlatform(
  deps: Pick<AppDeps, 'config' | 'db' | 'clock' | 'crypto'>,
): PlatformDeps & { documents: ClosableDocumentRenderer } {
  const { db, clock, config, crypto } = deps;
  const audit = createAuditLog(clock);
  const attachments = new AttachmentOwners();
  const events = new DomainEvents((error) => console.error('domain event handler failed', error));
  // 我的待办 asks every module; each account's list is kept until any module's records change.
  const todoSources = new TodoSources(new ReadCache(TODO_CACHE_TTL_MS, 2_000));
  events.subscribe('records.changed', () => todoSources.invalidate());
  return {
    db,
    clock,
    config,
    crypto,
    audit,
    events,
    files: createFileStore({
      db,
      audit,
      clock,
      attachments,
      dataDir: config.dataDir,
      maxBytes: config.uploadMaxBytes,
    }),
    // Background jobs, claimed with a lease so several processes can share the table (platform/jobs).
    jobs: createJobRunner({
      db,
      clock,
      log: (error, jobId) => console.error(`[zhijiao] job ${jobId}:`, error),
    }),
    // One document renderer per process (its headless browser starts on the first PDF).
    documents: createDocumentRenderer(),
    metrics: new MetricRegistry(),
    alertSources: new AlertSources(),
    todoSources,
    searchSources: new SearchSources(),
    attachments,
    notifications: createNotificationPublisher(clock),
    // Signed credentials (issue 14): the DID from ZHIJIAO_PUBLIC_URL, never from a request.
    credentials: createCredentialIssuing({ config, crypto, clock }),
  };
}

/**
 * Wires the platform and every module of `MODULES`; used by the HTTP app, the CLI and the demo
 * loader. The result holds the platform services (`audit`, `files`, `jobs` …) and each module's
 * services under its key (`plans`, `teachers` …).
 */
export function createServices(deps: Pick<AppDeps, 'config' | 'db' | 'clock' | 'crypto'>) {
  const platform = createPlatform(deps);
  const modules = buildModules(MODULES, platform);
  const { config } = deps;
  const auth = createAuthService({
    db: deps.db,
    audit: platform.audit,
    clock: deps.clock,
    crypto: deps.crypto,
    resolveScope: modules.services.org.units.resolveScope,
    policy: {
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      maxFailuresPerHour: config.loginAccountHourlyLimit,
      addressFailureLimit: config.loginAddressLimit,
      addressWindowMinutes: config.loginAddressWindowMinutes,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
    },
  });
  return {
    ...platform,
    auth,
    /** Signed checkpoints of the audit log's head, in a file outside the database. */
    auditCheckpoints: createCheckpointStore({ file: config.auditCheckpointFile, crypto: deps.crypto }),
    ...modules.services,
    /** The built modules, for registering their routes. */
    modules: modules as BuiltModules<typeof MODULES>,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Builds the Fastify app: platform plugins, every module's routes, docs and the web app. */
export async function buildApp(
  deps: AppDeps,
): Promise<{ app: FastifyInstance; services: Services; routes: RegisteredRoute[] }> {
  const { config, db } = deps;
  const services = createServices(deps);
  const routes: RegisteredRoute[] = [];
  const secure = isSecureDeployment(config);
  const cookieName = secure ? '__Host-zj_session' : 'zj_session';
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: fastifyTrustProxy(config),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  app.addHook('onSend', async (_request, reply) => setSecurityHeaders(reply));
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zhijiao (职教) API',
        version: VERSION,
        description:
          'Run a vocational-education reform action plan as a live system. Errors are `{ "error": { "code", "message", "details" } }`. ' +
          'Open data (no sign-in) is under `/api/public/*`. Signed-in requests that change state need the `x-csrf-token` header from `/api/auth/me`.',
      },
      tags: [{ name: 'open data', description: 'Published plans and public indicators, no sign-in needed' }],
    },
    // Shared schemas keep their own names in `components.schemas` (ErrorResponse …).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: (doc) => ('openapiObject' in doc ? clientView(doc.openapiObject) : doc.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.addSchema(ErrorResponseSchema);
  await app.register(declaredQuery);
  await app.register(authHooks, { auth: services.auth, audit: services.audit, db, cookieName, routes });

  const describeUser = async (actor: { userId: string; orgUnitId: string }) => {
    const [user, unit] = await Promise.all([
      findUserById(db, actor.userId),
      listOrgUnitInfo(db, { ids: [actor.orgUnitId] }),
    ]);
    const { id, code, name, type, groups } = unit[0]!;
    return { orgUnit: { id, code, name, type, groups }, totpEnabled: user?.totpEnabled ?? false };
  };
  await app.register(healthRoutes, { db, kind: deps.dbKind, version: VERSION, startedAt: deps.clock.now() });
  await app.register(authRoutes, { auth: services.auth, cookieName, secureCookies: secure, describeUser });
  await app.register(filesRoutes, {
    files: services.files,
    maxBytes: config.uploadMaxBytes,
    readPermissions: services.attachments.permissions(),
  });
  await app.register(auditRoutes, {
    auditLog: bindUseCases(
      { db, audit: services.audit, checkpoints: services.auditCheckpoints, clock: deps.clock },
      auditLog,
    ),
  });
  await app.register(jobsRoutes, {
    jobs: createJobsService({ db, permissionFor: services.jobs.permissionFor }),
  });
  await app.register(notificationsRoutes, {
    notifications: bindUseCases({ db, audit: services.audit, clock: deps.clock }, notificationsUseCases),
  });
  await app.register(credentialsRoutes, {
    deps: { db, clock: deps.clock, crypto: deps.crypto, credentials: services.credentials },
  });
  await app.register(todosRoutes, { todoSources: services.todoSources, clock: deps.clock });
  await app.register(searchRoutes, { searchSources: services.searchSources });
  await registerModuleRoutes(app, MODULES, services.modules);
  if (deps.dbKind === 'postgresql' && config.databaseUrl) {
    // Other app processes on this database drop their caches when this one writes, and the reverse.
    const relay = await relayRecordsChanged({
      events: services.events,
      connectionString: config.databaseUrl,
      moduleKeys: MODULES.map((m) => m.key),
      log: (error) => app.log.warn({ err: error }, 'cross-process events'),
    });
    app.addHook('onClose', () => relay.close());
  }
  // Jobs whose process died (lease expired) fail visibly; queued ones start here or in another
  // process with room. Polling stops and running jobs finish before the database closes.
  await services.jobs.recover();
  services.jobs.startPolling();
  app.addHook('onClose', async () => {
    await services.jobs.stop();
    await services.jobs.idle();
  });
  app.addHook('onClose', () => services.documents.close());
  // The audit log's head is checkpointed outside the database while the server listens, and once
  // more at a clean stop.
  const checkpoints = createCheckpointWriter({
    db,
    store: services.auditCheckpoints,
    clock: deps.clock,
    log: (error) => app.log.error(error, 'audit checkpoint failed'),
  });
  app.addHook('onListen', async () => checkpoints.start());
  app.addHook('onClose', () => checkpoints.stop());

  const webRoot = deps.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // The build writes brotli and gzip copies (preCompressed); hashed assets are cached for a year.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', staticCacheControl(webRoot, filePath)),
    });
    const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'));
    app.setNotFoundHandler((request, reply) => {
      // The SPA answers page routes only: API paths and missing assets (anything with an extension) are 404.
      if (
        request.method !== 'GET' ||
        request.url.startsWith('/api') ||
        /\.[a-z0-9]+(\?|$)/i.test(request.url)
      ) {
        return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: 'Not found' } });
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: 'Not found' } }),
    );
  }
  return { app, services, routes };
}
