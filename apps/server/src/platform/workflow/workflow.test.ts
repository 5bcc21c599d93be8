import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import type { Actor } from '../auth/actor.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createFixedClock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import { AppError } from '../errors/app-error.ts';
import { defineWorkflow } from './workflow.ts';

const clerk = { userId: null, username: 'clerk', orgUnitId: null, ip: null } as unknown as Actor;
const person = (userId: string) =>
  ({ userId, username: userId, orgUnitId: null, ip: null }) as unknown as Actor;
// Tables made for this test only (dropped after it): the helper names tables at run time.
const items = defineWorkflow({
  table: 'wfTestItem' as keyof Database & string,
  history: { table: 'wfTestEvent' as keyof Database & string, key: 'itemId' },
  auditPrefix: 'test.item',
  objectType: 'wf_test_item',
  conflict: 'PROGRESS_INVALID_TRANSITION',
  steps: {
    submit: { from: ['draft'], to: 'submitted', may: () => true, action: 'submitted', authors: true },
    approve: { from: ['submitted'], to: 'approved', may: () => true, action: 'approved', reviews: true },
    annotate: { from: ['draft', 'submitted'], may: () => true, action: 'annotated' },
  },
});

describe('a workflow step on a real database', () => {
  let database: TestDatabase;
  const clock = createFixedClock('2021-05-20T01:00:00Z');
  const deps = { audit: createAuditLog(clock), clock };
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`CREATE TABLE wf_test_item (id text PRIMARY KEY, state text NOT NULL, note text, updated_at timestamptz)`.execute(
      database.db,
    );
    await sql`CREATE TABLE wf_test_event (id serial PRIMARY KEY, item_id text, at timestamptz, actor_id uuid, action text, comment text)`.execute(
      database.db,
    );
    await sql`INSERT INTO wf_test_item (id, state) VALUES ('a', 'draft'), ('b', 'draft')`.execute(
      database.db,
    );
  });
  afterAll(async () => {
    await sql`DROP TABLE IF EXISTS wf_test_item, wf_test_event`.execute(database.db);
    await database?.close();
  });
  const row = async (id: string) =>
    (
      await sql<{
        state: string;
        note: string | null;
      }>`SELECT state, note FROM wf_test_item WHERE id = ${id}`.execute(database.db)
    ).rows[0];

  it('moves the state with the step’s columns and writes one history row and one audit row', async () => {
    await database.db
      .transaction()
      .execute((trx) =>
        items.apply(
          deps,
          trx,
          'submit',
          clerk,
          { id: 'a', state: 'draft' },
          { set: { note: 'ok' }, comment: '请审核' },
        ),
      );
    expect(await row('a')).toEqual({ state: 'submitted', note: 'ok' });
    const events = await sql<{
      action: string;
      comment: string;
    }>`SELECT action, comment FROM wf_test_event WHERE item_id = 'a'`.execute(database.db);
    expect(events.rows).toEqual([{ action: 'submitted', comment: '请审核' }]);
    const audit = await database.db
      .selectFrom('auditLog')
      .select(['action', 'objectType', 'objectId', 'details'])
      .where('objectId', '=', 'a')
      .execute();
    expect(audit).toEqual([
      {
        action: 'test.item.submitted',
        objectType: 'wf_test_item',
        objectId: 'a',
        details: { comment: '请审核' },
      },
    ]);
  });

  it('never writes back a stale state: a step that keeps the state leaves a move made meanwhile', async () => {
    await sql`INSERT INTO wf_test_item (id, state) VALUES ('c', 'draft')`.execute(database.db);
    const readWhileDraft = { id: 'c', state: 'draft' as const };
    await sql`UPDATE wf_test_item SET state = 'submitted' WHERE id = 'c'`.execute(database.db);
    const state = await database.db
      .transaction()
      .execute((trx) =>
        items.apply(deps, trx, 'annotate', clerk, readWhileDraft, { set: { note: '补充说明' } }),
      );
    expect(state).toBe('submitted');
    expect(await row('c')).toEqual({ state: 'submitted', note: '补充说明' });
  });

  it('refuses with 409 a record moved by someone else since it was read, and writes nothing', async () => {
    await sql`UPDATE wf_test_item SET state = 'approved' WHERE id = 'b'`.execute(database.db);
    const stale = { id: 'b', state: 'submitted' as const };
    const error = await database.db
      .transaction()
      .execute((trx) => items.apply(deps, trx, 'approve', clerk, stale))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).status, (error as AppError).code]).toEqual([
      409,
      'PROGRESS_INVALID_TRANSITION',
    ]);
    const events = await sql`SELECT 1 FROM wf_test_event WHERE item_id = 'b'`.execute(database.db);
    expect(events.rows).toEqual([]);
  });

  it('refuses a review step to an author of the record from its history, whatever the caller says', async () => {
    const [writer, reviewer] = [randomUUID(), randomUUID()];
    await sql`INSERT INTO wf_test_item (id, state) VALUES ('d', 'draft')`.execute(database.db);
    await database.db
      .transaction()
      .execute((trx) => items.apply(deps, trx, 'submit', person(writer), { id: 'd', state: 'draft' }));
    expect(await items.authorsOf(database.db, ['d', 'a'])).toEqual(new Map([['d', [writer]]]));
    // A subject read without its authors: the guarded write still refuses, and writes nothing.
    const error = await database.db
      .transaction()
      .execute((trx) => items.apply(deps, trx, 'approve', person(writer), { id: 'd', state: 'submitted' }))
      .catch((e: unknown) => e);
    expect([(error as AppError).status, (error as AppError).code]).toEqual([403, 'SELF_REVIEW']);
    expect(await row('d')).toEqual({ state: 'submitted', note: null });
    const subject = { id: 'd', state: 'submitted' as const, authorIds: [writer] };
    expect(items.abilities(person(writer), subject)).toMatchObject({ approve: false, annotate: true });
    expect(items.abilities(person(reviewer), subject)).toMatchObject({ approve: true });
    await database.db
      .transaction()
      .execute((trx) => items.apply(deps, trx, 'approve', person(reviewer), subject));
    expect(await row('d')).toEqual({ state: 'approved', note: null });
  });
});
