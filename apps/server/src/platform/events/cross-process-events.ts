import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DomainEvents, RecordsChanged } from './domain-events.ts';

/** The PostgreSQL channel the app processes tell each other of committed writes on. */
export const RECORDS_CHANGED_CHANNEL = 'zhijiao_records_changed';
/** How the relay's connection shows in `pg_stat_activity`. */
export const RELAY_APPLICATION_NAME = 'zhijiao-events';

/** What travels on the channel: the module and the process that wrote. */
interface Notice {
  origin: string;
  module: string;
}

export interface EventRelay {
  /** Stops relaying and closes the listening connection. */
  close(): Promise<void>;
}

/**
 * Makes `records.changed` cross process boundaries on PostgreSQL, so a cache another app process
 * keeps (a plan dashboard, a scope) is dropped as soon as this process commits, not a time-to-live
 * later. Every local event is sent with `pg_notify` after its commit; every other process's notice
 * is published locally as a `remote` event (never sent on again). One dedicated connection both
 * LISTENs and notifies (a pooled connection would lose the LISTEN when returned). When that
 * connection drops, it is opened again and every module is treated as changed, since notices may
 * have been missed. PGlite needs none of this: one process by design, the in-process bus suffices.
 *
 * @example
 * const relay = await relayRecordsChanged({ events, connectionString: config.databaseUrl, moduleKeys: ['org', 'plans'] });
 * await relay.close();
 */
export async function relayRecordsChanged(opts: {
  events: DomainEvents;
  connectionString: string;
  /** Every module key: all are taken as changed after a reconnect. */
  moduleKeys: readonly string[];
  log?: (error: unknown) => void;
  reconnectMs?: number;
}): Promise<EventRelay> {
  const { events } = opts;
  const origin = randomBytes(8).toString('hex');
  const log = opts.log ?? (() => {});
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const received = (message: pg.Notification) => {
    if (message.channel !== RECORDS_CHANGED_CHANNEL || !message.payload) return;
    let notice: Notice;
    try {
      notice = JSON.parse(message.payload) as Notice;
    } catch (error) {
      return log(error);
    }
    if (notice.origin !== origin && typeof notice.module === 'string')
      events.publish({ type: 'records.changed', module: notice.module, remote: true });
  };

  const lost = (failed: pg.Client) => (error?: unknown) => {
    if (error) log(error);
    if (client !== failed || closed) return;
    client = null;
    failed.end().catch(() => {});
    retry = setTimeout(reconnect, opts.reconnectMs ?? 1000);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({
      connectionString: opts.connectionString,
      application_name: RELAY_APPLICATION_NAME,
    });
    next.on('notification', received);
    next.on('error', lost(next));
    next.on('end', lost(next));
    client = next;
    await next.connect();
    await next.query(`LISTEN ${RECORDS_CHANGED_CHANNEL}`);
  }

  function reconnect(): void {
    retry = null;
    if (closed) return;
    connect().then(
      () => {
        for (const module of opts.moduleKeys)
          events.publish({ type: 'records.changed', module, remote: true });
      },
      (error: unknown) => client && lost(client)(error),
    );
  }

  const send = (event: RecordsChanged) => {
    if (event.remote || !client) return;
    const notice: Notice = { origin, module: event.module };
    client.query('SELECT pg_notify($1, $2)', [RECORDS_CHANGED_CHANNEL, JSON.stringify(notice)]).catch(log);
  };

  await connect();
  const unsubscribe = events.subscribe('records.changed', send);
  return {
    async close() {
      closed = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
