import type { Permission } from '@zhijiao/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { AlertSource, AlertSources } from '../alerts/alert-sources.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CredentialIssuing } from '../credentials/credential-issuing.ts';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Database } from '../db/database.types.ts';
import type { Transact } from '../db/transactions.ts';
import type { DocumentRenderer } from '../documents/document-model.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { AttachmentOwner, AttachmentOwners } from '../files/attachments.ts';
import type { FileStore } from '../files/file-store.ts';
import type { JobHandler, JobRunner } from '../jobs/job-runner.ts';
import type { MetricDefinition, MetricRegistry } from '../metrics/metric-registry.ts';
import type { NotificationPublisher } from '../notifications/notification-publisher.ts';
import type { SearchSource, SearchSources } from '../search/search-sources.ts';
import type { TodoSource, TodoSources } from '../todos/todo-sources.ts';

/** What the platform gives every module. */
export interface PlatformDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  config: Config;
  events: DomainEvents;
  files: FileStore;
  jobs: JobRunner;
  documents: DocumentRenderer;
  /** Every module's metrics (the plan computes its indicators with them). */
  metrics: MetricRegistry;
  /** Every module's alert sources (the plan's alert list collects them). */
  alertSources: AlertSources;
  /** Every module's todo sources (the workbench's 我的待办 collects them). */
  todoSources: TodoSources;
  /** Every module's search sources (the global search asks them). */
  searchSources: SearchSources;
  /** Every module's attachment owners (the file download asks them who may read a file). */
  attachments: AttachmentOwners;
  /**
   * Tells an org unit (消息中心) of a change to its records, inside the change's own transaction:
   * `notifications.publish(trx, { unitId, kind, title, link, object, readPermission })`.
   */
  notifications: NotificationPublisher;
  /**
   * The installation's credential issuing (`platform/credentials`): a module signs and revokes with
   * `issueCredential(deps, …)` / `revokeCredential(deps, …)`; its `issuer` is null without a
   * usable `ZHIJIAO_PUBLIC_URL`.
   */
  credentials: CredentialIssuing;
}

/** A module's dependencies: the platform, plus its own transaction function. */
export interface ModuleDeps extends PlatformDeps {
  /** Writes in one transaction; after the commit, `records.changed` is published for this module. */
  transaction: Transact;
}

/** A kind of background job a module runs (`platform/jobs`). */
export interface JobDefinition {
  kind: string;
  handler: JobHandler<never>;
  /** Needed to read another user's job of this kind; without it only the job's owner reads it. */
  permission?: Permission;
}

/** What a module's route plugin receives. */
export interface ModuleRouteOptions<S> {
  services: S;
  deps: ModuleDeps;
}

/**
 * What a module's demo loader gets (`demo` of `defineModule`): its own services as on a given day,
 * and demo look-ups. The demo acts through the same use cases as a signed-in user, so its records
 * pass every policy check and write their audit rows, each on the day it happened.
 */
export interface DemoContext<S> {
  /** The demo's "today" (China date, `YYYY-MM-DD`); records are made on days before it. */
  today: string;
  /**
   * The demo plan's calendar years before today's year (2020–2022 when today is in 2026; 2020 and
   * 2021 when the clock starts on 2022-05-20): a module keeps a history in them — meetings held,
   * inspections, published seasons, recognised projects — so the plan's computed targets are judged
   * on records of each of its years, while the records of "today" stay the open work of now. Empty
   * when no plan is loaded (a module's own demo test).
   */
  planYears: readonly number[];
  db: Kysely<Database>;
  /** The module's services with the clock set to 10:00 China time on `date`. */
  at(date: string): S;
  /**
   * The module's dependencies as `at(date)` has them: the platform's services on that day (files,
   * jobs …) and the module's own `transaction`, for a loader that writes through repositories.
   */
  depsAt(date: string): ModuleDeps;
  /** The actor of a demo account (`coordinator`, `vhs` …). */
  actor(username: string): Promise<Actor>;
  /** The id of the org unit with `code`. */
  unitId(code: string): Promise<string>;
  /**
   * Another module's services on `date` (default `today`), for the rare read a demo needs from a
   * module listed before it. The caller names their type, imported (type-only) from that module's
   * `index.ts`.
   *
   * @example
   * import type { ActionPlansModule } from '../action-plans/index.ts';
   * const indicators = await ctx.peer<ActionPlansModule>('plans').view.listIndicators(actor, code);
   */
  peer<T>(key: string, date?: string): T;
}

/**
 * What a demo loader made, for the start-up line: one fragment in each language
 * (`{ zh: '60 名教师', en: '60 teachers' }`); the app joins every module's fragments.
 */
export interface DemoSummary {
  zh: string;
  en: string;
}

/**
 * One module, declared in one shape: how its services are built, and what it provides to the
 * platform (routes, metrics, alert sources, todo sources, search sources, jobs, attachment owners, demo data). `app.ts` registers the list of
 * modules; adding a module is adding its folder and one entry to that list.
 *
 * `Needs` names the services of modules listed before this one that it calls (for commands; for
 * queries, import the other module's `index.ts`).
 */
export interface ZhijiaoModule<Key extends string, S, Needs = Record<never, never>> {
  /** The module's key in the services object (`teachers`). */
  key: Key;
  /** Keys of earlier modules whose services `create` receives. */
  needs?: readonly string[];
  create(deps: ModuleDeps, modules: Needs): S;
  routes?: FastifyPluginAsyncTypebox<ModuleRouteOptions<S>>;
  metrics?: readonly MetricDefinition[];
  alertSources?: (services: S, deps: ModuleDeps) => Record<string, AlertSource>;
  /** What waits for an actor in this module (我的待办), by source name: only their own work. */
  todoSources?: (services: S, deps: ModuleDeps) => Record<string, TodoSource>;
  /**
   * What the global search finds in this module, by source name: only what the module's own list
   * endpoints show the actor.
   */
  searchSources?: (services: S, deps: ModuleDeps) => Record<string, SearchSource>;
  jobs?: (services: S, deps: ModuleDeps) => readonly JobDefinition[];
  /**
   * The kinds of records this module attaches stored files to, by record type (`progress_report`),
   * each with who may read them: a file is downloadable exactly when such a record is readable.
   */
  attachments?: (services: S, deps: ModuleDeps) => Record<string, AttachmentOwner>;
  /**
   * Fills an empty demo database with this module's records (after the district's org units, plan
   * and demo accounts are in); modules' demos run in list order, so a demo may read what an
   * earlier module's demo made.
   */
  demo?: (ctx: DemoContext<S>) => Promise<DemoSummary | null>;
}

/**
 * Declares a module (the identity function, for type inference).
 *
 * @example
 * export const teachersModule = defineModule({
 *   key: 'teachers',
 *   create: (deps) => createTeachersServices(deps),
 *   routes: teacherRoutes,
 *   metrics: TEACHER_METRIC_DEFINITIONS,
 *   alertSources: (_s, deps) => ({ teachers: createTeacherAlerts(deps) }),
 *   demo: teachersDemo, // (ctx: DemoContext<TeachersModule>) => Promise<DemoSummary>
 * });
 */
export function defineModule<const Key extends string, S, Needs = Record<never, never>>(
  module: ZhijiaoModule<Key, S, Needs>,
): ZhijiaoModule<Key, S, Needs> {
  return module;
}
