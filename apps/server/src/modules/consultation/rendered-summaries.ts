import { RenderedCache } from '../../platform/documents/rendered-cache.ts';

/** A rendered feedback summary and the name it downloads under. */
export interface RenderedSummary {
  body: Buffer;
  fileName: string;
}

/** Rendered summaries of closed consultations by `id|lang|format`. */
export class RenderedSummaries extends RenderedCache<RenderedSummary> {}
