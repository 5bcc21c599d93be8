/**
 * Rendered documents that never change (a closed consultation's summary, a closed plan's final
 * evaluation) by key, least recently used first: a public PDF would otherwise start Chromium per
 * request and let anonymous callers fill the renderer's queue. Each is rendered once; concurrent
 * first requests share one render (the promise is kept; a failed render is forgotten).
 */
export class RenderedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 32) {}

  /** The cached render of `key`, or `render()` kept under it. */
  get(key: string, render: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const rendering = render();
    this.entries.set(key, rendering);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    rendering.catch(() => {
      if (this.entries.get(key) === rendering) this.entries.delete(key);
    });
    return rendering;
  }
}
