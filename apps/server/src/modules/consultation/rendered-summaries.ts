/** A rendered feedback summary and the name it downloads under. */
export interface RenderedSummary {
  body: Buffer;
  fileName: string;
}

/**
 * Rendered summaries of closed consultations by `id|lang|format`, least recently used first (the
 * public summary.pdf would otherwise start Chromium per request). A closed consultation's summary
 * never changes, so its bytes are rendered once; concurrent first requests share one render (the
 * promise is kept; a failed render is forgotten).
 */
export class RenderedSummaries {
  private readonly entries = new Map<string, Promise<RenderedSummary>>();

  constructor(private readonly maxEntries = 32) {}

  /** The cached render of `key`, or `render()` kept under it. */
  get(key: string, render: () => Promise<RenderedSummary>): Promise<RenderedSummary> {
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
