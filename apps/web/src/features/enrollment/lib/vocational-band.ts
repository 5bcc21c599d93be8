/** The metric name of the plan's computed 职普比 indicator (the server's VOCATIONAL_SHARE_METRIC). */
export const VOCATIONAL_SHARE_METRIC = 'enrollment.vocationalShare';

/** The 职普比 target as shares 0–1, with the indicator it comes from (null: the plan's default reading). */
export interface VocationalBand {
  low: number;
  high: number;
  indicator: string | null;
}

/** “职普比大体相当”: 50 % ± 5 points, as the plan reads it when no indicator sets the band. */
export const DEFAULT_BAND: VocationalBand = { low: 0.45, high: 0.55, indicator: null };

/** Where a share falls against the band: below, inside or above. */
export function bandPosition(share: number, band: VocationalBand): 'below' | 'within' | 'above' {
  if (share < band.low) return 'below';
  if (share > band.high) return 'above';
  return 'within';
}

/** The band as whole percentages: `45%–55%`. */
export function bandText(band: VocationalBand): string {
  return `${Math.round(band.low * 100)}%–${Math.round(band.high * 100)}%`;
}
