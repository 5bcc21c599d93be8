/**
 * In-process domain events: what a committed write changed, for whoever keeps something derived
 * from it (the plan's dashboards cache numbers computed from other modules' records). Handlers run
 * synchronously after the commit; a failing handler is logged and never undoes the write. On
 * PostgreSQL `cross-process-events.ts` relays them to the other app processes and back.
 */

/** A module's records changed (a transaction of that module committed). */
export interface RecordsChanged {
  type: 'records.changed';
  /** The module key, e.g. `teachers`. */
  module: string;
  /** True when another process committed the write (`cross-process-events.ts`): not relayed again. */
  remote?: boolean;
}

export type DomainEvent = RecordsChanged;
export type DomainEventType = DomainEvent['type'];
type Handler<T extends DomainEventType> = (event: Extract<DomainEvent, { type: T }>) => void;

export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Set<Handler<DomainEventType>>>();

  constructor(private readonly onHandlerError: (error: unknown, event: DomainEvent) => void = () => {}) {}

  /**
   * Calls `handler` for every event of `type` published from now on; returns the unsubscribe.
   *
   * @example events.subscribe('records.changed', (e) => { if (e.module !== 'plans') cache.invalidate(); });
   */
  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as unknown as Handler<DomainEventType>);
    this.handlers.set(type, set);
    return () => set.delete(handler as unknown as Handler<DomainEventType>);
  }

  /** Tells every subscriber of the event's type, in subscription order. */
  publish(event: DomainEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        handler(event);
      } catch (error) {
        this.onHandlerError(error, event);
      }
    }
  }
}
