const KEY = 'zhijiao.plan';

/** Remembers the last plan opened, so `/plans` returns to it. */
export function rememberPlan(code: string): void {
  try {
    if (code) localStorage.setItem(KEY, code);
  } catch {
    // Storage disabled: `/plans` falls back to the first plan.
  }
}

export function rememberedPlan(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
