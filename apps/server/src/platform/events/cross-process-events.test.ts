import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { RELAY_APPLICATION_NAME, relayRecordsChanged, type EventRelay } from './cross-process-events.ts';
import { DomainEvents, type RecordsChanged } from './domain-events.ts';

const postgres = inject('testDb').kind === 'postgresql';

describe.skipIf(!postgres)('records.changed across processes (PostgreSQL LISTEN/NOTIFY)', () => {
  let database: TestDatabase;
  const relays: EventRelay[] = [];
  const processes = [new DomainEvents(), new DomainEvents()] as const;
  const heard: RecordsChanged[][] = [[], []];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [i, events] of processes.entries()) {
      events.subscribe('records.changed', (e) => heard[i]!.push(e));
      relays.push(
        await relayRecordsChanged({
          events,
          connectionString: database.url!,
          moduleKeys: ['org', 'teachers'],
          reconnectMs: 50,
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.close()));
    await database?.close();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('tells the other process of a write at once, and the writer only once', async () => {
    processes[0].publish({ type: 'records.changed', module: 'teachers' });
    await until(() => heard[1]!.length > 0);
    expect(heard[1]).toEqual([{ type: 'records.changed', module: 'teachers', remote: true }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard[0]).toEqual([{ type: 'records.changed', module: 'teachers' }]);
  });

  it('takes every module as changed after its connection was cut (notices may have been missed)', async () => {
    heard[1]!.length = 0;
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = ${RELAY_APPLICATION_NAME}`.execute(
      database.db,
    );
    await until(() => heard[1]!.length >= 2);
    expect(heard[1]!.map((e) => e.module).sort()).toEqual(['org', 'teachers']);
    heard[1]!.length = 0;
    processes[0].publish({ type: 'records.changed', module: 'org' });
    await until(() => heard[1]!.length > 0);
    expect(heard[1]).toContainEqual({ type: 'records.changed', module: 'org', remote: true });
  });
});
