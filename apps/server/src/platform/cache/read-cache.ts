/**
 * A small in-process cache for expensive reads (plan dashboards). Entries live `ttlMs` at most
 * (other processes' writes show up within that time) and die at once when this process writes:
 * `invalidate()` bumps an epoch that every entry carries. Oldest entries are dropped past
 * `maxEntries`.
 */
export class ReadCache<V> {
  private epoch = 0;
  private readonly entries = new Map<string, { epoch: number; expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or the result of `load()` (shared by concurrent callers). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.epoch === this.epoch && hit.expires > t) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { epoch: this.epoch, expires: t + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  /** Forgets everything (call after a write that changes what is cached). */
  invalidate(): void {
    this.epoch++;
    this.entries.clear();
  }
}
