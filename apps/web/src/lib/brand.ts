/** The red of the portal's brand bar (government-portal red), used for accents across the app. */
export const BRAND_RED = '#a61d24';
