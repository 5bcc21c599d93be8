import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { AlertSources } from '../alerts/alert-sources.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createFixedClock } from '../clock/clock.ts';
import { loadConfig } from '../config/config.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { createDocumentRenderer } from '../documents/index.ts';
import { DomainEvents, type DomainEvent } from '../events/domain-events.ts';
import { AttachmentOwners } from '../files/attachments.ts';
import { createFileStore } from '../files/file-store.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { MetricRegistry } from '../metrics/metric-registry.ts';
import { createNotificationPublisher } from '../notifications/notification-publisher.ts';
import { SearchSources } from '../search/search-sources.ts';
import { TodoSources } from '../todos/todo-sources.ts';
import { defineModule, type PlatformDeps } from './module-definition.ts';
import { buildModules } from './module-registry.ts';

describe('modules declared in one shape', () => {
  let database: TestDatabase;
  let platform: PlatformDeps;
  beforeAll(async () => {
    database = await createTestDatabase();
    const clock = createFixedClock('2021-05-20T01:00:00Z');
    const audit = createAuditLog(clock);
    const config = loadConfig({ ZHIJIAO_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const attachments = new AttachmentOwners();
    platform = {
      db: database.db,
      clock,
      audit,
      config,
      crypto: createFieldCrypto(randomBytes(32)),
      events: new DomainEvents(),
      files: createFileStore({
        db: database.db,
        audit,
        clock,
        attachments,
        dataDir: config.dataDir,
        maxBytes: 1,
      }),
      jobs: createJobRunner({ db: database.db, clock }),
      documents: createDocumentRenderer(),
      metrics: new MetricRegistry(),
      alertSources: new AlertSources(),
      todoSources: new TodoSources(),
      searchSources: new SearchSources(),
      attachments,
      notifications: createNotificationPublisher(clock),
      credentials: { issuer: null, baseUrl: null, listCapacity: 1 },
    };
  });
  afterAll(() => database?.close());

  const counter = defineModule({
    key: 'counter',
    create: (deps) => ({
      bump: () => deps.transaction(async () => 1),
      count: () => deps.transaction(async () => 1, { records: false }),
    }),
    metrics: [
      {
        name: 'counter.value',
        title: { zh: '计数', en: 'Count' },
        description: { zh: '每次计算加一', en: 'One more at each computation' },
        unit: '个',
        compute: async () => ({ value: 1, drillDown: [] }),
      },
    ],
    alertSources: () => ({ counter: async () => [] }),
    todoSources: () => ({ counter: async () => [] }),
    jobs: () => [{ kind: 'counter.job', handler: async () => null }],
    attachments: () => ({ counter: { permission: 'plan.read', readableRecord: async () => null } }),
  });
  const reader = defineModule({
    key: 'reader',
    needs: ['counter'],
    create: (_deps, modules: { counter: { bump(): Promise<number> } }) => ({
      bumpTwice: modules.counter.bump,
    }),
  });

  it('builds each module with what it needs and registers its metrics, alert sources, todo sources, jobs and attachments', () => {
    const { services } = buildModules([counter, reader], platform);
    expect(typeof services.reader.bumpTwice).toBe('function');
    expect(platform.metrics.has('counter.value')).toBe(true);
    expect(platform.jobs.permissionFor('counter.job')).toBeNull();
    expect(() => platform.alertSources.register('counter', async () => [])).toThrow(/already registered/);
    expect(() => platform.todoSources.register('counter', async () => [])).toThrow(/already registered/);
    expect(platform.attachments.permissions()).toEqual(['plan.read']);
  });

  it('refuses a module listed before one it needs', () => {
    expect(() =>
      buildModules([reader, counter], {
        ...platform,
        metrics: new MetricRegistry(),
        attachments: new AttachmentOwners(),
      }),
    ).toThrow(/reader needs counter/);
  });

  it('tells listeners after each committed write that the module’s records changed', async () => {
    const seen: DomainEvent[] = [];
    const events = new DomainEvents();
    events.subscribe('records.changed', (e) => seen.push(e));
    const { services } = buildModules([counter], {
      ...platform,
      events,
      metrics: new MetricRegistry(),
      alertSources: new AlertSources(),
      todoSources: new TodoSources(),
      searchSources: new SearchSources(),
      attachments: new AttachmentOwners(),
      jobs: createJobRunner({ db: database.db, clock: platform.clock }),
    });
    await services.counter.bump();
    expect(seen).toEqual([{ type: 'records.changed', module: 'counter' }]);
    // Bookkeeping (a rate-limit counter, the audit row of a view) tells no one.
    await services.counter.count();
    expect(seen).toHaveLength(1);
    // A write that rolls back changed nothing: no one is told.
    const failing = buildModules(
      [
        defineModule({
          key: 'failing',
          create: (deps) => ({ fail: () => deps.transaction(() => Promise.reject(new Error('no'))) }),
        }),
      ],
      {
        ...platform,
        events,
        metrics: new MetricRegistry(),
        alertSources: new AlertSources(),
        todoSources: new TodoSources(),
        searchSources: new SearchSources(),
        attachments: new AttachmentOwners(),
      },
    );
    await expect(failing.services.failing.fail()).rejects.toThrow('no');
    expect(seen).toHaveLength(1);
  });
});
