interface Entry<V> {
  epoch: number;
  expires: number;
  value: Promise<V>;
  refreshing: boolean;
}

/**
 * A small in-process cache for expensive reads (plan dashboards, scopes). Entries are fresh for
 * `ttlMs`; after that the old value is still served while one refresh runs in the background, so
 * a burst of readers never waits on a recompute. A write calls `invalidate()` (through
 * `records.changed`: in this process after its commit, from another app process on PostgreSQL by
 * LISTEN/NOTIFY, `cross-process-events.ts`), which bumps an epoch: older entries are never served
 * again. `ttlMs` bounds what a lost notice costs. Oldest entries are dropped past `maxEntries`.
 */
export class ReadCache<V> {
  private epoch = 0;
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or the result of `load()` (shared by concurrent callers). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.epoch === this.epoch) {
      if (hit.expires <= t && !hit.refreshing) this.refresh(key, hit, load);
      return hit.value;
    }
    return this.store(key, load(), t).value;
  }

  /** Forgets everything (call after a write that changes what is cached). */
  invalidate(): void {
    this.epoch++;
    this.entries.clear();
  }

  private store(key: string, value: Promise<V>, t: number): Entry<V> {
    const entry: Entry<V> = { epoch: this.epoch, expires: t + this.ttlMs, value, refreshing: false };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  private refresh(key: string, stale: Entry<V>, load: () => Promise<V>): void {
    stale.refreshing = true;
    const epoch = this.epoch;
    load().then(
      (value) => {
        if (this.epoch === epoch) this.store(key, Promise.resolve(value), this.now());
      },
      () => {
        stale.refreshing = false;
      },
    );
  }
}
